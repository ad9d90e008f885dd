#include "domain/surveys/results.hpp"

#include <cstdlib>
#include <map>

namespace domain::surveys {
namespace {

// Rounded half away from zero, in integers: no float ever decides a published figure.
long long rounded_div(long long num, long long den) {
  const long long q = (2 * num + (num >= 0 ? den : -den)) / (2 * den);
  return q;
}

std::optional<int> mean_of(const std::array<int, 5>& scores) {
  long long sum = 0, n = 0;
  for (int k = 0; k < 5; ++k) {
    sum += static_cast<long long>(k + 1) * scores[static_cast<std::size_t>(k)];
    n += scores[static_cast<std::size_t>(k)];
  }
  if (n == 0) return std::nullopt;
  return static_cast<int>(rounded_div(sum * 100, n));
}

std::optional<int> mean_of_means(const std::vector<item_result>& items) {
  long long sum = 0, n = 0;
  for (const auto& i : items)
    if (i.mean_centi) {
      sum += *i.mean_centi;
      ++n;
    }
  if (n == 0) return std::nullopt;
  return static_cast<int>(rounded_div(sum, n));
}

item_result result_of(const storage::survey_item_row& row) {
  item_result r;
  r.name_zh = row.name_zh;
  r.name_en = row.name_en;
  r.skipped = row.skipped;
  r.scores = row.scores;
  for (int n : row.scores) r.answered += n;
  r.mean_centi = mean_of(row.scores);
  return r;
}

}  // namespace

survey_results compute(const std::vector<storage::survey_item_row>& items,
                       const std::vector<storage::survey_turnout>& turnout,
                       const std::optional<std::vector<storage::survey_item_row>>& previous) {
  survey_results out;
  std::map<std::string, std::optional<int>> before;
  if (previous) {
    out.has_previous = true;
    for (const auto& row : *previous) before[row.name_zh] = result_of(row).mean_centi;
  }
  for (const auto& row : items) {
    auto r = result_of(row);
    if (auto it = before.find(r.name_zh); it != before.end() && it->second && r.mean_centi)
      r.change_centi = *r.mean_centi - *it->second;
    out.items.push_back(std::move(r));
  }
  out.buildings = turnout;
  for (const auto& b : turnout) {
    out.total.invited += b.invited;
    out.total.finished += b.finished;
    out.total.started += b.started;
  }
  out.mean_centi = mean_of_means(out.items);
  // The overall change compares like with like: the items scored in both surveys.
  std::vector<item_result> now_common, before_common;
  for (const auto& i : out.items)
    if (i.change_centi) {
      now_common.push_back(i);
      before_common.push_back(i);
      before_common.back().mean_centi = *i.mean_centi - *i.change_centi;
    }
  if (const auto now = mean_of_means(now_common), was = mean_of_means(before_common); now && was)
    out.change_centi = *now - *was;
  return out;
}

std::string centi_text(int centi, bool signed_) {
  const int a = std::abs(centi);
  std::string sign = centi < 0 ? "-" : (signed_ && centi > 0 ? "+" : "");
  const int frac = a % 100;
  return sign + std::to_string(a / 100) + "." + (frac < 10 ? "0" : "") + std::to_string(frac);
}

std::string percent_text(int part, int whole) {
  if (whole <= 0) return "0.0";
  const long long tenths = rounded_div(static_cast<long long>(part) * 1000, whole);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

}  // namespace domain::surveys
