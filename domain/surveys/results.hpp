// A survey's figures from its stored counts: per item the mean (in hundredths, integer arithmetic)
// and the distribution of 1–5, the response rate overall and per building, and the change of each
// mean against the previous survey of the community (items matched by their Chinese name).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "storage/survey_store.hpp"

namespace domain::surveys {

struct item_result {
  std::string name_zh, name_en;
  int answered = 0;  // scores given (skips not counted)
  int skipped = 0;
  std::array<int, 5> scores{};
  std::optional<int> mean_centi;    // 4.10 → 410; none when nobody gave a score
  std::optional<int> change_centi;  // against the same item last time, when both have a mean
};

struct survey_results {
  std::vector<item_result> items;
  std::vector<storage::survey_turnout> buildings;
  storage::survey_turnout total;
  std::optional<int> mean_centi;    // the mean of the items' means
  std::optional<int> change_centi;  // over the items scored in both surveys
  bool has_previous = false;
};

// `previous`: the items of the survey before, if there was one.
survey_results compute(const std::vector<storage::survey_item_row>& items,
                       const std::vector<storage::survey_turnout>& turnout,
                       const std::optional<std::vector<storage::survey_item_row>>& previous);

// Hundredths as text: 410 → "4.10", -5 → "-0.05"; `signed_` adds "+" to positives.
std::string centi_text(int centi, bool signed_ = false);
// A share as a percentage with one decimal: (45, 120) → "37.5"; "0.0" of nothing.
std::string percent_text(int part, int whole);

}  // namespace domain::surveys
