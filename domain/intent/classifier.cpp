#include "domain/intent/classifier.hpp"

#include <fasttext/fasttext.h>

#include <istream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "bot/utf8.hpp"
#include "domain/intent/text_features.hpp"
#include "domain/tickets/category.hpp"

namespace domain::intent {

// fastText checks a model file's magic number and version (and remembers the version, which
// loading reads) only in a protected member: a model read from memory goes through it too.
// (Outside the anonymous namespace: classifier::models, declared in the header, holds two.)
struct fasttext_model : fasttext::FastText {
  void load(std::string_view bytes) {
    // Read in place: a copy of the bytes would stay in the heap as long as the process.
    struct in_place : std::streambuf {
      explicit in_place(std::string_view b) {
        char* p = const_cast<char*>(b.data());  // only ever read
        setg(p, p, p + b.size());
      }
    } buffer(bytes);
    std::istream in(&buffer);
    if (!checkModel(in)) throw std::runtime_error("intent model: not a fastText model of this version");
    loadModel(in);
  }
};

namespace {

// A problem is offered when repair and complaint together are at least this likely: a false offer
// in a neighbours' chat costs more than a missed one, which the owner can still type as 报修 (the
// trainer also weights chat lines double). Chosen by cross-validation over the corpus.
constexpr float problem_threshold = 0.75F;
// Safety words win unless the model is at least this sure the message is something else.
constexpr float sure_not_problem = 0.9F;
// Below this the category model is unsure, and a category's own word (漏水, 电梯) settles it.
constexpr float sure_category = 0.5F;
// A message naming a danger in at most this many words ("着火了！！！", "失火啦 快快快") is a cry
// for help: too short to tell a story that would make it chat, whatever the model thinks.
constexpr int short_cry_words = 8;

// Every label of a fastText model for a prepared line with its probability, without "__label__".
std::vector<std::pair<std::string, float>> labels(const fasttext::FastText& ft, const std::string& line) {
  std::istringstream in(line + "\n");
  std::vector<std::pair<fasttext::real, std::string>> predictions;
  std::vector<std::pair<std::string, float>> out;
  if (!ft.predictLine(in, predictions, -1, 0.0)) return out;
  for (auto& [p, label] : predictions) {
    if (label.rfind("__label__", 0) == 0) label.erase(0, 9);
    out.emplace_back(std::move(label), static_cast<float>(p));
  }
  return out;
}

// "东门道闸修好了", "漏水那根管子师傅已经换好了", "Lift 8 is working again": news that a problem
// is over, unless it is back, still half there ("亮了但门不开", "只亮了一根", "一直亮"), someone
// is still asked to come ("他们洗完就不滴了……麻烦上去看看"), or it is a question.
bool tells_it_is_fixed(std::string_view text) {
  const std::string lower = bot::utf8::to_lower_ascii(text);
  return bot::utf8::contains_any(
             lower, {"修好了",   "已经修好",      "换好了",    "恢复了",     "已恢复",        "来电了",
                     "来水了",   "解决了",        "亮了",      "不滴了",     "不漏了",        "能用了",
                     "可以用了", "正常了",        "没事了",    "虚惊一场",   "救出来",        "好了，谢谢",
                     "好了谢谢", "working again", "fixed now", "been fixed", "back to normal"}) &&
         !bot::utf8::contains_any(
             lower, {"又",     "还是",   "没修好", "没有修好", "没恢复",      "没有恢复", "不亮",
                     "没解决", "不能用", "不正常", "但",       "可是",        "只亮",     "一直",
                     "麻烦",   "吗",     "？",     "?",        "not working", "still"});
}

// Han characters and Latin words: how long a message is, in words an owner would count.
int word_count(std::string_view text) {
  int n = 0;
  bool in_latin = false;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = bot::utf8::next(text, i);
    const bool latin = (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z');
    if ((cp >= 0x3400 && cp <= 0x9FFF) || (latin && !in_latin)) ++n;
    in_latin = latin;
  }
  return n;
}

// "着火了！！！": a few words naming a danger, not asking about one ("困人那个是哪栋").
bool is_short_cry(std::string_view text) {
  return word_count(text) <= short_cry_words &&
         !bot::utf8::contains_any(text, {"吗", "？", "?", "哪", "几", "啥", "什么"});
}

intent parse_intent(std::string_view s) {
  if (s == "repair") return intent::repair;
  if (s == "complaint") return intent::complaint;
  if (s == "question") return intent::question;
  if (s == "greeting") return intent::greeting;
  return intent::chat;
}

// "我要投诉保安", "我想报修", "I want to complain about the guards": the owner says what they want
// done, however few the other words; "投诉要怎么投诉" and "我要投诉找谁" ask how, and are questions.
std::optional<intent> asks_to_file(std::string_view text) {
  const std::string lower = bot::utf8::to_lower_ascii(text);
  if (bot::utf8::contains_any(lower,
                              {"怎么", "如何", "找谁", "哪里", "去哪", "吗", "？", "?", "how ", "where "}))
    return std::nullopt;
  if (bot::utf8::contains_any(lower, {"我要投诉", "我想投诉", "要投诉一下", "我要反映", "i want to complain",
                                      "i'd like to complain", "i would like to complain"}))
    return intent::complaint;
  if (bot::utf8::contains_any(lower, {"我要报修", "我想报修", "i want to report a", "i'd like to report a"}))
    return intent::repair;
  return std::nullopt;
}

}  // namespace

std::string_view to_text(intent i) {
  switch (i) {
    case intent::repair:
      return "repair";
    case intent::complaint:
      return "complaint";
    case intent::question:
      return "question";
    case intent::greeting:
      return "greeting";
    case intent::chat:
      return "chat";
  }
  return "chat";
}

struct classifier::models {
  fasttext_model intents;
  fasttext_model categories;
};

classifier::classifier(std::string_view intent_model, std::string_view category_model)
    : m_(std::make_unique<models>()) {
  m_->intents.load(intent_model);
  m_->categories.load(category_model);
}

classifier::~classifier() = default;

reading classifier::read(std::string_view whole) const {
  // What a message is shows in its first few hundred characters; a longer post is a discussion,
  // and reading all of a 64 KiB paste would cost milliseconds of the event loop.
  constexpr std::size_t read_points = 400;
  const std::string head = bot::utf8::truncate(whole, read_points);
  const std::string_view text = head;
  reading r;
  const std::string line = model_input(text);
  if (line.empty()) return r;
  float problem = 0, best_other = -1;
  std::string best_problem, other;
  float best_problem_p = -1;
  for (const auto& [label, p] : labels(m_->intents, line)) {
    const intent i = parse_intent(label);
    if (is_problem(i)) {
      problem += p;
      if (p > best_problem_p) best_problem_p = p, best_problem = label;
    } else if (p > best_other) {
      best_other = p, other = label;
    }
  }
  if (problem >= problem_threshold) {
    r.kind = parse_intent(best_problem);
    r.confidence = problem;
  } else {
    r.kind = parse_intent(other);
    r.confidence = best_other;
  }
  r.problem_probability = problem;
  if (is_problem(r.kind) && tells_it_is_fixed(text)) r.kind = intent::chat;
  if (auto wanted = asks_to_file(text)) {
    r.kind = *wanted;
    r.confidence = 1.0F;
  }
  if (auto c = labels(m_->categories, line); !c.empty()) {
    r.category = parse_ticket_category(c.front().first).value_or(domain::ticket_category::other);
    if (c.front().second < sure_category)
      if (auto named = tickets::guess_category(text); named != domain::ticket_category::other)
        r.category = named;
  }
  // Safety words make a problem of anything the model is not sure is something else, and of any
  // short cry: "楼道里好大烟味" must never wait for a better model; "火警解除了吗" and "我老公把厨房
  // 淹了哈哈" are not fires.
  if (tickets::endangers_life(text) && !tickets::tells_danger_is_over(text) &&
      (is_problem(r.kind) || r.confidence < sure_not_problem || is_short_cry(text))) {
    r.endangers_life = true;
    r.kind = intent::repair;
    r.confidence = 1.0F;
  }
  return r;
}

}  // namespace domain::intent
