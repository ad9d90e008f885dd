// What an owner types in a survey dialogue: a score 1–5 ("4", "４", "4分", "四", "5星"), the word
// to skip an item (跳过, 不清楚, skip), a number outside 1–5, or anything else.
#pragma once
#include <string_view>

namespace domain::surveys {

struct score_reply {
  enum kind { score, skip, out_of_range, other } what = other;
  int value = 0;  // for `score`
};

score_reply read_score(std::string_view text);

}  // namespace domain::surveys
