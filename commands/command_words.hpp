// A word typed after a command that must be one of a few ("明细", "details"): exact, ASCII case
// folded. One helper for every command that has such words.
#pragma once
#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

#include "bot/utf8.hpp"

namespace commands {

inline bool is_word(std::string_view w, std::initializer_list<std::string_view> words) {
  const std::string lower = bot::utf8::to_lower_ascii(w);
  return std::find(words.begin(), words.end(), lower) != words.end();
}

}  // namespace commands
