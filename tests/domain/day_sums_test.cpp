// Statistics of long periods from per-day sums: the same counts as reading every ticket, medians
// and 90th percentiles within 1%, sums forgotten when a ticket of their day changes, and SLA
// lateness that moves with the clock without any write.
#include <catch2/catch.hpp>

#include <random>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/core.hpp"
#include "commands/all_commands.hpp"
#include "domain/stats/day_sums.hpp"
#include "domain/stats/figures.hpp"
#include "storage/stores.hpp"

namespace day_sums_test {

using namespace domain::stats;

namespace {

constexpr std::int64_t minute = 60'000, hour = 60 * minute, day = 24 * hour;

bool within_one_percent(const std::optional<std::int64_t>& approx, const std::optional<std::int64_t>& exact) {
  if (!approx || !exact) return !approx && !exact;
  return std::abs(static_cast<double>(*approx - *exact)) <= 0.01 * static_cast<double>(*exact) + 1;
}

// 60 days of tickets in one community, every kind, state, category and lateness among them.
struct year_of_tickets {
  bot::manual_clock clock{1'796'083'200'000 - 8 * hour};  // 2026-12-01 00:00 in China
  bot::core core{bot::config::parse("[storage]\npath = \":memory:\"\n[stats]\ndigest_time = \"\"\n"), clock,
                 commands::install_all};
  std::int64_t community = core.db.communities.ensure("阳光花园", 0);
  std::vector<std::int64_t> staff;
  std::vector<std::int64_t> ids;
  storage::period_span span{community, clock.now_ms() - 60 * day, clock.now_ms()};

  year_of_tickets() {
    for (const char* name : {"王师傅", "李师傅", "张师傅"})
      staff.push_back(core.db.members.touch({"onebot", name, name}, 0).id);
    std::mt19937 rng(7);
    const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const domain::ticket_state states[] = {domain::ticket_state::new_,     domain::ticket_state::in_progress,
                                           domain::ticket_state::resolved, domain::ticket_state::closed,
                                           domain::ticket_state::closed,   domain::ticket_state::cancelled};
    for (int i = 0; i < 2400; ++i) {
      storage::ticket_row t;
      t.community_id = community;
      t.kind = domain::all_ticket_kinds[static_cast<std::size_t>(pick(3))];
      t.category = domain::all_ticket_categories[static_cast<std::size_t>(pick(12))];
      t.description = "x";
      if (pick(5)) t.building = std::to_string(1 + pick(8));
      t.created_at =
          span.from + static_cast<std::int64_t>(rng() % static_cast<unsigned>(60 * day / minute)) * minute;
      t.due_at = t.created_at + (1 + pick(8)) * hour;
      t.resolve_due_at = t.created_at + (1 + pick(72)) * hour;
      t.id = core.db.tickets.create(t);
      t.state = states[pick(6)];
      if (t.state != domain::ticket_state::new_) t.assignee_id = staff[static_cast<std::size_t>(pick(3))];
      if (t.state != domain::ticket_state::new_ && pick(10))
        t.first_response_at = t.created_at + pick(600) * minute + pick(60'000);
      if (t.state == domain::ticket_state::resolved || t.state == domain::ticket_state::closed) {
        t.resolved_at = t.created_at + pick(200) * hour + pick(3'600'000);
        if (pick(2)) t.rating = 1 + pick(5);
      }
      core.db.tickets.update(t);
      ids.push_back(t.id);
    }
  }

  figures long_read() {
    REQUIRE(read_from_sums(span, 480));
    return gather(core.svc, span, std::nullopt, [](const std::string& c) { return c; });
  }
};

}  // namespace

TEST_CASE("a duration histogram's median and 90th percentile are within 1%", "[stats]") {
  std::mt19937 rng(3);
  std::vector<std::int64_t> values;
  time_histogram h;
  for (int i = 0; i < 5000; ++i) {
    const std::int64_t ms = static_cast<std::int64_t>(rng() % 5'000'000'000u);
    values.push_back(ms);
    h.add(ms);
  }
  const auto exact = spread_of(values);
  const auto approx = time_histogram::unpack(h.pack()).spread_of();
  CHECK(approx.n == 5000);
  CHECK(within_one_percent(approx.median, exact.median));
  CHECK(within_one_percent(approx.p90, exact.p90));
  CHECK(h.count_below(1) == 0);
  CHECK(h.count_below(10'000'000'000) == 5000);
  CHECK_FALSE(time_histogram().spread_of().median);
}

TEST_CASE("a long period read from per-day sums has the counts of reading every ticket", "[stats]") {
  year_of_tickets y;
  const auto f = y.long_read();
  const auto exact = y.core.db.tickets.stats(y.community, y.span.from, y.span.to, y.clock.now_ms());
  CHECK(f.counts.created == 2400);
  CHECK(f.counts.created == exact.created);
  CHECK(f.counts.repairs == exact.repairs);
  CHECK(f.counts.complaints == exact.complaints);
  CHECK(f.counts.open == exact.open);
  CHECK(f.counts.resolved == exact.resolved);
  CHECK(f.counts.closed == exact.closed);
  CHECK(f.counts.cancelled == exact.cancelled);
  CHECK(f.counts.responded == exact.responded);
  CHECK(f.counts.response_ms_total == exact.response_ms_total);
  CHECK(f.counts.fix_ms_total == exact.fix_ms_total);
  CHECK(f.counts.late_response == exact.late_response);
  CHECK(f.counts.late_fix == exact.late_fix);
  CHECK(f.counts.rated == exact.rated);
  CHECK(f.counts.rating_total == exact.rating_total);

  storage::stats_store store(y.core.database);
  CHECK(f.buildings == store.buildings(y.span, 5));
  const auto times = store.times(y.span, y.clock.now_ms());
  std::vector<std::int64_t> response, fix;
  std::map<std::int64_t, std::int64_t> late, taken;
  for (const auto& t : times) {
    if (t.response_ms) response.push_back(*t.response_ms);
    if (t.fix_ms) fix.push_back(*t.fix_ms);
    if (t.assignee_id) {
      ++taken[*t.assignee_id];
      if (t.late_response || t.late_fix) ++late[*t.assignee_id];
    }
  }
  CHECK(within_one_percent(f.response.median, spread_of(response).median));
  CHECK(within_one_percent(f.response.p90, spread_of(response).p90));
  CHECK(within_one_percent(f.fix.median, spread_of(fix).median));
  CHECK(within_one_percent(f.fix.p90, spread_of(fix).p90));
  REQUIRE(f.staff.size() == 3);
  for (const auto& s : f.staff) {
    CHECK(s.taken == taken[s.member_id]);
    CHECK(s.late == late[s.member_id]);
  }
}

TEST_CASE("per-day sums are forgotten when a ticket of their day changes", "[stats]") {
  year_of_tickets y;
  const auto before = y.long_read();
  auto t = *y.core.db.tickets.get(y.ids.front());
  const bool was_cancelled = t.state == domain::ticket_state::cancelled;
  t.state = domain::ticket_state::cancelled;
  y.core.db.tickets.update(t);
  const auto after = y.long_read();
  CHECK(after.counts.cancelled == before.counts.cancelled + (was_cancelled ? 0 : 1));
  CHECK(after.counts.cancelled ==
        y.core.db.tickets.stats(y.community, y.span.from, y.span.to, y.clock.now_ms()).cancelled);
}

TEST_CASE("a report read again sees a ticket changed in between, though its day was summed again by a chart",
          "[stats]") {
  year_of_tickets y;
  const auto before = y.long_read();
  // A ticket from the middle of the 60 days (inside a whole block of days merged by the first read)...
  std::optional<storage::ticket_row> middle;
  for (const auto id : y.ids) {
    auto t = *y.core.db.tickets.get(id);
    if (t.state != domain::ticket_state::cancelled && t.created_at > y.span.from + 15 * day &&
        t.created_at < y.span.from + 25 * day) {
      middle = t;
      break;
    }
  }
  REQUIRE(middle);
  middle->state = domain::ticket_state::cancelled;
  y.core.db.tickets.update(*middle);
  // ...whose day the dashboard's chart sums and keeps again before the report is asked for again.
  const int offset = y.core.cfg.community.utc_offset_minutes;
  each_day_sum(y.core.svc, y.community, local_day(y.span.from, offset), local_day(y.span.to - 1, offset),
               storage::day_sums_store::dims::totals_and_categories,
               [](const storage::day_sum_row&, const day_counters&) {});
  const auto after = y.long_read();
  CHECK(after.counts.cancelled == before.counts.cancelled + 1);
  CHECK(after.counts.cancelled ==
        y.core.db.tickets.stats(y.community, y.span.from, y.span.to, y.clock.now_ms()).cancelled);
}

TEST_CASE("the last day of a block, changed twice with reports between, is counted anew each time",
          "[stats]") {
  year_of_tickets y;
  // Local day 20767 (2026-11-30 is 20787) ends a whole block of 32 days inside the 60: its tickets were
  // created 39 days after the span starts.
  const std::int64_t from = y.span.from + 39 * day, to = from + day;
  std::vector<storage::ticket_row> on_that_day;
  for (const auto id : y.ids) {
    auto t = *y.core.db.tickets.get(id);
    if (t.state != domain::ticket_state::cancelled && t.created_at >= from && t.created_at < to)
      on_that_day.push_back(t);
  }
  REQUIRE(on_that_day.size() >= 2);
  auto exact = [&] { return y.core.db.tickets.stats(y.community, y.span.from, y.span.to, y.clock.now_ms()); };
  y.long_read();
  for (std::size_t i = 0; i < 2; ++i) {
    // Each change forgets the day; the report sums it again, the day then holding the newest
    // generation, and merges the block.
    on_that_day[i].state = domain::ticket_state::cancelled;
    y.core.db.tickets.update(on_that_day[i]);
    CHECK(y.long_read().counts.cancelled == exact().cancelled);
  }
}

TEST_CASE("lateness still open moves with the clock, not with writes", "[stats]") {
  year_of_tickets y;
  storage::ticket_row t;
  t.community_id = y.community;
  t.description = "电梯困人";
  t.created_at = y.clock.now_ms() - 2 * hour;
  t.due_at = y.clock.now_ms() + hour;  // not late yet
  t.resolve_due_at = y.clock.now_ms() + 3 * hour;
  y.core.db.tickets.create(t);
  const auto now = y.long_read();
  y.clock.advance_ms(2 * hour);  // past the response due, not the fix due
  const auto later = y.long_read();
  const auto exact = y.core.db.tickets.stats(y.community, y.span.from, y.span.to, y.clock.now_ms());
  CHECK(later.counts.late_response >= now.counts.late_response + 1);  // this one at least
  CHECK(later.counts.late_response == exact.late_response);
  CHECK(later.counts.late_fix == exact.late_fix);
}

}  // namespace day_sums_test
