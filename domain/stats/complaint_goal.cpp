#include "domain/stats/complaint_goal.hpp"

namespace domain::stats {
namespace {

long long rounded_div(long long num, long long den) {
  return (2 * num + (num >= 0 ? den : -den)) / (2 * den);
}

}  // namespace

complaint_goal compare_complaints(std::int64_t now_count, std::int64_t period_ms, std::int64_t baseline_count,
                                  std::int64_t baseline_ms, int target_percent) {
  complaint_goal g;
  g.now = now_count;
  g.target_percent = target_percent;
  if (baseline_count <= 0 || baseline_ms <= 0 || period_ms <= 0) return g;
  // Counts are small and periods at most years of milliseconds: work in minutes to stay in range.
  const long long minutes = period_ms / 60'000, base_minutes = baseline_ms / 60'000;
  if (minutes <= 0 || base_minutes <= 0) return g;
  const long long expected_num = static_cast<long long>(baseline_count) * minutes;  // / base_minutes
  // Less than one expected complaint (an hour of a quiet year): no percentage means anything.
  if (expected_num < base_minutes) return g;
  g.baseline = rounded_div(expected_num, base_minutes);
  // change = (now − expected) / expected, in percent.
  g.change_percent = static_cast<int>(
      rounded_div((static_cast<long long>(now_count) * base_minutes - expected_num) * 100, expected_num));
  const int reduction = -g.change_percent;
  g.met = reduction >= target_percent;
  g.gap_points = g.met || reduction < 0 ? 0 : target_percent - reduction;
  return g;
}

}  // namespace domain::stats
