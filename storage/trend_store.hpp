// The series the dashboard draws, over tickets created in a period of a community: tickets and
// ratings per local day and category, resolution times in buckets, the votes opened and the
// emergencies started in the period. Each is one grouped query over indexed columns.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/stats_store.hpp"

namespace storage {

struct day_count {
  std::int64_t day = 0;  // local days since 1970-01-01
  std::string category;
  std::int64_t tickets = 0;
  std::int64_t rated = 0, rating_total = 0;
};

// Upper bounds of the resolution-time buckets, in hours; the last bucket has none.
inline constexpr std::array<int, 6> fix_bucket_hours = {1, 4, 12, 24, 72, 168};

struct vote_turnout {
  std::int64_t id = 0;
  std::string title;
  std::int64_t electorate_rooms = 0;  // 0: a poll without an electorate
  std::int64_t voted_rooms = 0, voted_heads = 0;
};

class trend_store {
 public:
  explicit trend_store(database& db) : db_(db) {}

  std::vector<day_count> per_day(const period_span& p, int utc_offset_minutes);
  // Tickets resolved, by how long it took: one count per bucket of fix_bucket_hours, and one more.
  std::array<std::int64_t, fix_bucket_hours.size() + 1> fix_times(const period_span& p);
  std::vector<vote_turnout> votes(const period_span& p);                   // opened in the period
  std::vector<std::int64_t> emergencies(const period_span& p, int limit);  // started in it, newest first

 private:
  database& db_;
};

}  // namespace storage
