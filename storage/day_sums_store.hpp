// The per-day sums behind statistics of long periods (migration 14): the tickets of days not
// summed yet, the sums once worked out (packed by domain/stats/day_sums), and the tickets whose
// SLA lateness still depends on the clock.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/stats_store.hpp"

namespace storage {

// One ticket as a day's sums need it.
struct day_ticket {
  std::int64_t created_at = 0;
  std::string kind, category, state;
  std::optional<std::string> building;
  std::optional<std::int64_t> assignee_id;
  std::optional<std::int64_t> due_at, resolve_due_at, first_response_at, resolved_at;
  std::optional<int> rating;
  std::string visit_result;  // satisfied | unsatisfied | ""
};

struct day_sum_row {
  std::int64_t day = 0;
  std::string dim;
  std::string counters, response, fix;  // packed
};

// Lateness that depends on the clock: tickets not cancelled and not answered, or not resolved.
struct live_lateness {
  std::int64_t late_response = 0, late_fix = 0;
  std::vector<std::pair<std::int64_t, std::int64_t>> late_by_assignee;  // (member, tickets late)
};

class day_sums_store {
 public:
  explicit day_sums_store(database& db) : db_(db) {}

  // Keeps the day boundary at `offset_ms` after UTC midnight; a different one forgets every sum.
  void use_offset(std::int64_t offset_ms);
  // Days in [first, last] whose sums are not kept.
  std::vector<std::int64_t> unsummed(std::int64_t community_id, std::int64_t first, std::int64_t last);
  // The days in [first, last] whose sums are kept, by day, each with its generation: a number larger
  // than any given before (a counter that only grows), so a day summed again is never taken for the
  // same sums.
  struct kept_day {
    std::int64_t day = 0, generation = 0;
    bool operator==(const kept_day&) const = default;
  };
  std::vector<kept_day> summed(std::int64_t community_id, std::int64_t first, std::int64_t last);
  std::vector<day_ticket> tickets(const period_span& p);
  // Replaces the day's sums (an empty list: a day without tickets) and marks it summed.
  void keep(std::int64_t community_id, std::int64_t day, const std::vector<day_sum_row>& rows);
  // Sums the day's tickets (`span`) with `sum` from one read snapshot and keeps the result, taking
  // the write lock only to store it: a reader thread summing a year never holds the event loop's
  // writes off for more than a day's rows. When another connection committed meanwhile (a ticket
  // of the day may have changed) or holds the lock, nothing is kept and `kept` is false; the sums
  // are returned either way.
  using summing = std::function<std::vector<day_sum_row>(const std::vector<day_ticket>&)>;
  std::vector<day_sum_row> sum_and_keep(std::int64_t community_id, std::int64_t day, const period_span& span,
                                        const summing& sum, bool& kept);
  // `dims`: all of them, or only the totals and the categories (what the charts draw).
  enum class dims { all, totals_and_categories };
  std::vector<day_sum_row> sums(std::int64_t community_id, std::int64_t first, std::int64_t last, dims which);
  live_lateness live(const period_span& p, std::int64_t now_ms);

 private:
  database& db_;
};

}  // namespace storage
