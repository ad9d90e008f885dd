// The intent model against the part of the corpus it never saw: a fixed fifth of the lines
// (domain/intent/corpus.hpp) is held out, the rest trains a model here exactly as the build does.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "domain/intent/classifier.hpp"
#include "domain/intent/corpus.hpp"
#include "domain/intent/trainer.hpp"

namespace intent_corpus_test {

using namespace domain::intent;

std::vector<example> whole_corpus() {
  std::vector<std::string> paths;
  for (const auto& f : std::filesystem::directory_iterator(ESTATEBOT_SOURCE_DIR "/domain/intent/corpus"))
    if (f.path().extension() == ".tsv") paths.push_back(f.path().string());
  std::sort(paths.begin(), paths.end());
  return read_corpus_files(paths);
}

TEST_CASE("the corpus is large enough, labelled with known categories, and has no repeated text",
          "[intent]") {
  const auto all = whole_corpus();
  std::map<std::string, int> intents;
  std::map<std::string, int> categories;
  std::set<std::string> texts;
  int places = 0;
  for (const auto& e : all) {
    ++intents[e.intent];
    if (e.category != "-") {
      INFO(e.text);
      CHECK(domain::parse_ticket_category(e.category).has_value());
      ++categories[e.category];
    }
    if (e.place != "-") {
      INFO(e.text << " / " << e.place);
      CHECK(e.text.find(e.place) != std::string::npos);  // the place is words of the message
      ++places;
    }
    INFO(e.text);
    CHECK(texts.insert(e.text).second);
  }
  std::printf("corpus: %zu messages;", all.size());
  for (const auto& [k, n] : intents) std::printf(" %s %d", k.c_str(), n);
  std::printf("; naming a place %d\ncategories:", places);
  for (const auto& [k, n] : categories) std::printf(" %s %d", k.c_str(), n);
  std::printf("\n");
  CHECK(all.size() >= 2000);
  for (const char* k : {"repair", "complaint", "question", "greeting", "chat"}) CHECK(intents[k] >= 100);
  for (const auto& id : {"water_power", "leak", "elevator", "access", "lighting", "greening", "sanitation",
                         "security", "noise", "parking", "fees", "other"})
    CHECK(categories[id] >= 20);
}

TEST_CASE("held out: problems are found, chat is left alone, categories are right", "[intent]") {
  const auto all = whole_corpus();
  std::vector<std::pair<std::string, std::string>> intents, categories;
  std::vector<example> test;
  for (const auto& e : all) {
    if (held_out(e.text)) {
      test.push_back(e);
      continue;
    }
    intents.emplace_back(e.intent, e.text);
    if (e.category != "-") categories.emplace_back(e.category, e.text);
  }
  const classifier c(train_model(intents), train_model(categories));

  int problems = 0, found = 0, chat = 0, chat_offered = 0, questions = 0, questions_offered = 0;
  int categorised = 0, right_category = 0, right_intent = 0;
  for (const auto& e : test) {
    const reading r = c.read(e.text);
    const bool problem = e.intent == "repair" || e.intent == "complaint";
    right_intent += to_text(r.kind) == e.intent;
    if (problem) {
      ++problems;
      found += is_problem(r.kind);
      ++categorised;
      right_category += domain::to_text(r.category) == e.category;
      if (!is_problem(r.kind))
        std::printf("  missed: %s (%s)\n", e.text.c_str(), std::string(to_text(r.kind)).c_str());
    } else if (e.intent == "chat") {
      ++chat;
      chat_offered += is_problem(r.kind);
      if (is_problem(r.kind)) std::printf("  false offer: %s\n", e.text.c_str());
    } else {
      ++questions;
      questions_offered += is_problem(r.kind);
    }
  }
  const double recall = double(found) / problems;
  const double false_offers = double(chat_offered) / chat;
  const double category_accuracy = double(right_category) / categorised;
  std::printf(
      "held out %zu of %zu: problems found %d/%d (%.1f%%), false offers on chat %d/%d (%.1f%%), "
      "questions and greetings offered %d/%d, category right %d/%d (%.1f%%), intent right %.1f%%\n",
      test.size(), all.size(), found, problems, 100 * recall, chat_offered, chat, 100 * false_offers,
      questions_offered, questions, right_category, categorised, 100 * category_accuracy,
      100.0 * right_intent / double(test.size()));
  CHECK(test.size() * 6 > all.size());  // about a fifth
  CHECK(recall >= 0.90);
  CHECK(false_offers <= 0.02);
  CHECK(category_accuracy >= 0.85);
}

}  // namespace intent_corpus_test
