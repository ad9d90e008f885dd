#include "bot/json_parse.hpp"

namespace bot {
namespace {

// The DOM builder nlohmann::json::parse uses, except that an integer too long for 64 bits is kept
// as the string of its digits instead of a rounded double, for every reader of untrusted JSON:
// platform ids must stay exact (a message id 2^64 + 1 must not become the id of another message).
struct exact_integers : nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
  using json_sax_dom_parser::json_sax_dom_parser;

  static bool integer_text(const std::string& s) {
    std::size_t i = !s.empty() && s[0] == '-' ? 1 : 0;
    if (i == s.size()) return false;
    for (; i < s.size(); ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  }

  bool number_float(double value, const std::string& text) {
    if (!integer_text(text)) return json_sax_dom_parser::number_float(value, text);
    std::string digits = text;
    return string(digits);
  }
};

}  // namespace

std::size_t json_nesting(std::string_view text, std::size_t stop_after) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest) deepest = depth;
      if (deepest > stop_after) return deepest;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

std::string too_deep_message(std::size_t max_depth) {
  return "JSON nested deeper than " + std::to_string(max_depth) + " levels";
}

untrusted_json parse_untrusted_json(std::string_view text, std::size_t max_depth) {
  untrusted_json r;
  if (json_nesting(text, max_depth) > max_depth) {
    r.value = nlohmann::json::value_t::discarded;
    r.refused = untrusted_json::problem::too_deep;
    return r;
  }
  exact_integers builder(r.value, false);
  if (!nlohmann::json::sax_parse(text, &builder) || builder.is_errored()) {
    r.value = nlohmann::json::value_t::discarded;
    r.refused = untrusted_json::problem::malformed;
  }
  return r;
}

}  // namespace bot
