#include "domain/broadcast/text_parts.hpp"

#include "bot/utf8.hpp"

namespace domain::broadcast {
namespace {

// Byte offset just after the last good break within the first `max_points` code points of `s`, or
// 0 when there is none.
std::size_t last_break(std::string_view s, std::size_t max_points) {
  std::size_t i = 0, points = 0, paragraph = 0, line = 0, sentence = 0;
  char32_t previous = 0;
  while (i < s.size() && points < max_points) {
    char32_t cp = bot::utf8::next(s, i);
    ++points;
    if (cp == U'\n' && previous == U'\n')
      paragraph = i;
    else if (cp == U'\n')
      line = i;
    else if (cp == U'。' || cp == U'！' || cp == U'？' || cp == U'；' || cp == U'.' || cp == U'!' ||
             cp == U'?')
      sentence = i;
    previous = cp;
  }
  if (i >= s.size()) return s.size();
  if (paragraph) return paragraph;
  if (line) return line;
  if (sentence) return sentence;
  return i;  // hard cut at the limit, on a character boundary
}

}  // namespace

std::vector<std::string> text_parts(std::string_view text, std::size_t max_points) {
  std::vector<std::string> parts;
  std::string_view rest = bot::utf8::trim(text);
  while (!rest.empty()) {
    const std::size_t cut = last_break(rest, max_points == 0 ? 1 : max_points);
    std::string_view part = bot::utf8::trim(rest.substr(0, cut));
    if (!part.empty()) parts.emplace_back(part);
    rest = bot::utf8::trim(rest.substr(cut));
  }
  return parts;
}

}  // namespace domain::broadcast
