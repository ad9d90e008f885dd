#include "bot/text_cursor.hpp"

#include <array>
#include <utility>

namespace bot {

std::string fold_for_reading(std::string_view in) {
  static constexpr std::array<std::pair<std::string_view, char>, 6> wide = {{{"\xEF\xBC\x9A", ':'},
                                                                             {"\xE3\x80\x80", ' '},
                                                                             {"\xEF\xBC\x8F", '/'},
                                                                             {"\xEF\xBC\x8D", '-'},
                                                                             {"\xEF\xBC\x8E", '.'},
                                                                             {"\xEF\xBC\x8C", ' '}}};
  std::string out;
  for (std::size_t i = 0; i < in.size();) {
    // U+FF10..U+FF19: EF BC 90..99
    if (in.compare(i, 2, "\xEF\xBC") == 0 && i + 2 < in.size() &&
        static_cast<unsigned char>(in[i + 2]) >= 0x90 && static_cast<unsigned char>(in[i + 2]) <= 0x99) {
      out += static_cast<char>('0' + (static_cast<unsigned char>(in[i + 2]) - 0x90));
      i += 3;
      continue;
    }
    bool folded = false;
    for (const auto& [w, c] : wide)
      if (in.compare(i, w.size(), w) == 0) {
        out += c;
        i += w.size();
        folded = true;
        break;
      }
    if (folded) continue;
    char c = in[i++];
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

void text_cursor::spaces() {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ',')) ++i;
}

bool text_cursor::eat(std::string_view lit) {
  if (s.compare(i, lit.size(), lit) != 0) return false;
  i += lit.size();
  return true;
}

std::optional<int> text_cursor::digits(std::size_t max_digits) {
  std::size_t j = i;
  int v = 0;
  while (j < s.size() && j - i < max_digits && s[j] >= '0' && s[j] <= '9') v = v * 10 + (s[j++] - '0');
  if (j == i || (j < s.size() && s[j] >= '0' && s[j] <= '9')) return std::nullopt;
  i = j;
  return v;
}

std::optional<int> text_cursor::chinese_number() {
  static constexpr std::array<std::string_view, 10> d = {"零", "一", "二", "三", "四",
                                                         "五", "六", "七", "八", "九"};
  auto digit = [&]() -> std::optional<int> {
    if (eat("两")) return 2;
    if (eat("〇")) return 0;
    for (int k = 0; k < 10; ++k)
      if (eat(d[static_cast<std::size_t>(k)])) return k;
    return std::nullopt;
  };
  const std::size_t start = i;
  auto first = digit();
  if (eat("十")) {
    const int tens = first.value_or(1);
    auto unit = digit();
    return tens * 10 + unit.value_or(0);
  }
  if (first) return first;
  i = start;
  return std::nullopt;
}

std::optional<int> text_cursor::number(std::size_t max_digits) {
  if (at_digit()) return digits(max_digits);
  return chinese_number();
}

}  // namespace bot
