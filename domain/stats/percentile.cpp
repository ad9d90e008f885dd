#include "domain/stats/percentile.hpp"

#include <algorithm>

namespace domain::stats {
namespace {

// The smallest value with at least pct% of the values at or below it.
std::int64_t rank(std::vector<std::int64_t>& v, int pct) {
  const std::size_t n = v.size();
  const std::size_t k = (n * static_cast<std::size_t>(pct) + 99) / 100;  // ceil(n · pct / 100)
  const auto at = v.begin() + static_cast<std::ptrdiff_t>(k == 0 ? 0 : k - 1);
  std::nth_element(v.begin(), at, v.end());
  return *at;
}

}  // namespace

spread spread_of(std::vector<std::int64_t> values) {
  spread s;
  s.n = static_cast<std::int64_t>(values.size());
  if (values.empty()) return s;
  s.median = rank(values, 50);
  s.p90 = rank(values, 90);
  return s;
}

}  // namespace domain::stats
