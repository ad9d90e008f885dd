// The models the build trained from domain/intent/corpus (tools/intent_train), placed in the
// binary by generated/intent_models.S.
#include "domain/intent/classifier.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

extern "C" {
extern const char estatebot_intent_model[];
extern const char estatebot_intent_model_end[];
extern const char estatebot_category_model[];
extern const char estatebot_category_model_end[];
}

namespace domain::intent {

namespace {

// The model bytes are read once, into fastText's own matrices; their pages of the binary are then
// given back, so that the models count once in the resident memory, not twice.
void forget_pages(const char* begin, const char* end) {
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const std::uintptr_t from = (reinterpret_cast<std::uintptr_t>(begin) + page - 1) / page * page;
  const std::uintptr_t to = reinterpret_cast<std::uintptr_t>(end) / page * page;
  if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
}

}  // namespace

const classifier& builtin_classifier() {
  static const classifier c(
      {estatebot_intent_model, static_cast<std::size_t>(estatebot_intent_model_end - estatebot_intent_model)},
      {estatebot_category_model,
       static_cast<std::size_t>(estatebot_category_model_end - estatebot_category_model)});
  static const bool forgotten = [] {
    forget_pages(estatebot_intent_model, estatebot_intent_model_end);
    forget_pages(estatebot_category_model, estatebot_category_model_end);
    return true;
  }();
  (void)forgotten;
  return c;
}

}  // namespace domain::intent
