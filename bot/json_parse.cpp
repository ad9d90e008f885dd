#include "bot/json_parse.hpp"

namespace bot {

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
  r.value = nlohmann::json::parse(text, nullptr, false);
  if (r.value.is_discarded()) r.refused = untrusted_json::problem::malformed;
  return r;
}

}  // namespace bot
