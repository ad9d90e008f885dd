#include "domain/intent/text_features.hpp"

#include "bot/utf8.hpp"

namespace domain::intent {
namespace {

bool is_ascii_letter(char32_t cp) {
  return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z');
}

bool is_digit(char32_t cp) {
  return cp >= U'0' && cp <= U'9';
}

// CJK and general punctuation, and the ASCII marks other than ? and !: separators only.
bool is_separator(char32_t cp) {
  if (cp < 0x80) return !is_ascii_letter(cp) && !is_digit(cp) && cp != U'?' && cp != U'!';
  return bot::utf8::is_space(cp) || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
         cp == 0xFE0F || cp == 0x200D || cp == 0xFFFD;
}

}  // namespace

std::string model_input(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  enum class run { none, word, digits } in = run::none;
  auto space = [&out] {
    if (!out.empty() && out.back() != ' ') out += ' ';
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = bot::utf8::fold_width(bot::utf8::next(text, i));
    if (cp == U'\uFF1F') cp = U'?';  // fold_width maps these, but be explicit about what is kept
    if (is_ascii_letter(cp)) {
      if (in != run::word) space();
      out += static_cast<char>(cp >= U'A' && cp <= U'Z' ? cp - U'A' + U'a' : cp);
      in = run::word;
    } else if (is_digit(cp)) {
      if (in != run::digits) {
        space();
        out += '0';
      }
      in = run::digits;
    } else if (is_separator(cp)) {
      space();
      in = run::none;
    } else {  // a Han character, an emoji, ? or !: a word of its own
      space();
      bot::utf8::append(out, cp);
      out += ' ';
      in = run::none;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace domain::intent
