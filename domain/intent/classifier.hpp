// What an owner's plain message is: a problem to register (a repair or a complaint, with its
// category), a question, thanks or a greeting, or ordinary chat. Two fastText models trained from
// domain/intent/corpus decide; rules stay on top where safety needs certainty: fire, smoke, gas,
// flooding, people trapped, falling objects and electrical danger are always a repair to send
// someone to (and urgent: domain/tickets/category), whatever the model says.
#pragma once
#include <memory>
#include <string_view>

#include "domain/ticket_types.hpp"

namespace domain::intent {

enum class intent { repair, complaint, question, greeting, chat };
std::string_view to_text(intent i);
inline bool is_problem(intent i) {
  return i == intent::repair || i == intent::complaint;
}

struct reading {
  intent kind = intent::chat;
  float confidence = 0;           // the model's probability of `kind` (1 when a safety rule decided)
  float problem_probability = 0;  // of repair and complaint together
  domain::ticket_category category = domain::ticket_category::other;  // meaningful for problems
  bool endangers_life = false;
};

class classifier {
 public:
  // The bytes of two fastText model files: intents, and categories of problems.
  classifier(std::string_view intent_model, std::string_view category_model);
  ~classifier();
  classifier(const classifier&) = delete;
  classifier& operator=(const classifier&) = delete;

  reading read(std::string_view text) const;

 private:
  struct models;
  std::unique_ptr<models> m_;
};

// The models trained at build time from the corpus and compiled into the binary; loaded once.
const classifier& builtin_classifier();

}  // namespace domain::intent
