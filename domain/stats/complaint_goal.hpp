// The plan's goal of 20% fewer complaints: this period's complaints against a baseline period's,
// scaled to the same length when the baseline is a fixed period of another length. Integer
// arithmetic, rounded to whole percents.
#pragma once
#include <cstdint>
#include <optional>

namespace domain::stats {

struct complaint_goal {
  std::int64_t now = 0;
  std::optional<std::int64_t> baseline;  // the baseline's count, scaled to this period's length
  int change_percent = 0;                // negative: fewer than the baseline
  int target_percent = 20;
  bool met = false;
  int gap_points = 0;  // percentage points still to go when not met and fewer
};

// `baseline_count` over `baseline_ms`, this period `now_count` over `period_ms`.
complaint_goal compare_complaints(std::int64_t now_count, std::int64_t period_ms, std::int64_t baseline_count,
                                  std::int64_t baseline_ms, int target_percent);

}  // namespace domain::stats
