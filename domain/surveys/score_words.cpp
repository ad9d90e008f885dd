#include "domain/surveys/score_words.hpp"

#include "bot/text_cursor.hpp"
#include "bot/utf8.hpp"

namespace domain::surveys {

score_reply read_score(std::string_view text) {
  bot::text_cursor c{bot::fold_for_reading(bot::utf8::trim(text))};
  // Said at the end of an answer, or around it: "4分。", "给5星!", "打3分".
  for (std::string_view w : {"跳过", "略过", "不清楚", "不了解", "不知道", "没用过", "skip", "pass"}) {
    c.i = 0;
    if (c.eat(w)) {
      c.spaces();
      c.eat_any(".", "。", "!", "！", "~");
      if (c.done()) return {score_reply::skip, 0};
    }
  }
  c.i = 0;
  c.eat_any("给", "打");
  const auto n = c.number(2);
  if (!n) return {};
  c.spaces();
  c.eat_any("分", "星", "颗星", "points", "point", "stars", "star");
  c.spaces();
  while (c.eat_any(".", "。", "!", "！", "~")) {
  }
  if (!c.done()) return {};
  if (*n < 1 || *n > 5) return {score_reply::out_of_range, *n};
  return {score_reply::score, *n};
}

}  // namespace domain::surveys
