// Medians and 90th percentiles of durations, by the nearest-rank method (a value that happened,
// never an interpolation).
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

namespace domain::stats {

struct spread {
  std::int64_t n = 0;
  std::optional<std::int64_t> median, p90;
};

spread spread_of(std::vector<std::int64_t> values);

}  // namespace domain::stats
