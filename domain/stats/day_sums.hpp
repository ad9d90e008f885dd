// Statistics of long periods from per-day sums (storage/day_sums_store): a day's tickets are
// summed per dimension — all, kind, category, building, assignee — into counters and two duration
// histograms, kept until a ticket of that day changes, and added up over the days asked for.
// Counters are exact. Medians and 90th percentiles come from histograms whose buckets are 2% wide
// (a minute and under in the first), so they are within 1% of the nearest-rank value; SLA
// lateness that still depends on the clock is read from the tickets it concerns.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bot/services.hpp"
#include "domain/stats/percentile.hpp"
#include "storage/day_sums_store.hpp"

namespace domain::stats {

enum class day_counter : std::size_t {
  created,
  repairs,
  complaints,
  suggestions,  // by kind
  resolved,
  closed,
  cancelled,
  open,  // by state now
  responded,
  response_ms,
  fixed,
  fix_ms,  // first responses and resolutions, and their sums
  late_response,
  late_fix,
  late_any,  // SLA breaches no longer depending on the clock
  rated,
  rating_total,
  low_ratings,
  satisfied,
  unsatisfied,
  count
};
using day_counters = std::array<std::int64_t, static_cast<std::size_t>(day_counter::count)>;

class time_histogram {
 public:
  void add(std::int64_t ms, std::int64_t n = 1);
  void merge(const time_histogram& other);
  std::int64_t count() const { return total_; }
  spread spread_of() const;
  std::int64_t count_below(std::int64_t ms) const;  // values in buckets that end at or before ms
  std::string pack() const;
  static time_histogram unpack(std::string_view packed);
  void merge_packed(std::string_view packed);

 private:
  std::vector<std::int64_t> buckets_;
  std::int64_t total_ = 0;
};

struct day_sum {
  day_counters c{};
  time_histogram response, fix;

  std::int64_t operator[](day_counter k) const { return c[static_cast<std::size_t>(k)]; }
};

// The sums of one day's tickets, one row per dimension ('' all, 'k:repair', 'c:leak', 'b:3', 's:12');
// only all and the assignees' rows carry duration histograms (the others' percentiles are not shown).
std::vector<storage::day_sum_row> sum_day(std::int64_t day, const std::vector<storage::day_ticket>& tickets);

// Local days of the community's offset: the day of a time, and the time a day starts.
std::int64_t local_day(std::int64_t unix_ms, int offset_minutes);
std::int64_t day_start(std::int64_t day, int offset_minutes);

// Whether a period is read from the sums: whole local days, more than 31 of them (shorter ones
// are read ticket by ticket, exactly and fast enough).
bool read_from_sums(const storage::period_span& p, int offset_minutes);

// The sums of [first, last] per dimension; days not summed yet are summed and kept first.
std::map<std::string, day_sum> sums_over(bot::services& svc, std::int64_t community_id, std::int64_t first,
                                         std::int64_t last);
// Per day too (for charts): each kept row of [first, last], its histograms still packed.
void each_day_sum(bot::services& svc, std::int64_t community_id, std::int64_t first, std::int64_t last,
                  storage::day_sums_store::dims which,
                  const std::function<void(const storage::day_sum_row&, const day_counters&)>& visit);

}  // namespace domain::stats
