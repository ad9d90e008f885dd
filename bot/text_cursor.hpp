// Reading short typed phrases (dates, times) a piece at a time: the text with full-width digits and
// punctuation folded and ASCII lowered, and a cursor that eats literals, ASCII digits and Chinese
// numerals (一 … 九十九, 两). Each reader leaves the cursor where it was when it reads nothing.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bot {

std::string fold_for_reading(std::string_view in);

struct text_cursor {
  std::string s;
  std::size_t i = 0;

  bool done() const { return i >= s.size(); }
  void spaces();  // spaces, tabs and commas
  bool eat(std::string_view lit);
  template <class... L>
  bool eat_any(L... lits) {
    return (eat(lits) || ...);
  }
  bool at_digit() const { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }
  // 1 to max_digits ASCII digits, and no digit after them.
  std::optional<int> digits(std::size_t max_digits);
  // 一 … 九, 十, 十一, 二十, 二十三, 两 (up to 99).
  std::optional<int> chinese_number();
  std::optional<int> number(std::size_t max_digits);  // either
};

}  // namespace bot
