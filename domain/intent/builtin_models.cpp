// The models the build trained from domain/intent/corpus (tools/intent_train), placed in the
// binary by generated/intent_models.S.
#include "domain/intent/classifier.hpp"

extern "C" {
extern const char estatebot_intent_model[];
extern const char estatebot_intent_model_end[];
extern const char estatebot_category_model[];
extern const char estatebot_category_model_end[];
}

namespace domain::intent {

const classifier& builtin_classifier() {
  static const classifier c(
      {estatebot_intent_model, static_cast<std::size_t>(estatebot_intent_model_end - estatebot_intent_model)},
      {estatebot_category_model,
       static_cast<std::size_t>(estatebot_category_model_end - estatebot_category_model)});
  return c;
}

}  // namespace domain::intent
