// The periods managers type after 统计 and 走访统计, in the community's calendar (UTC+8).
#include <catch2/catch.hpp>

#include "commands/report_period.hpp"

using commands::parse_period;

namespace {

constexpr int beijing_offset = 480;
constexpr std::int64_t period_hour = 3'600'000;
constexpr std::int64_t day = 24 * period_hour;
// 2025-12-03 10:00 in Beijing, a Wednesday.
constexpr std::int64_t period_now = 1'764'547'200'000 + 2 * day + 2 * period_hour;
// Local midnight of 2025-12-01 in Beijing, in UTC.
constexpr std::int64_t dec1 = 1'764'547'200'000 - 8 * period_hour;

}  // namespace

TEST_CASE("named periods follow the local calendar, weeks from Monday", "[stats][periods]") {
  auto week = parse_period("本周", period_now, beijing_offset);
  REQUIRE(week);
  CHECK(week->from == dec1);
  CHECK(week->to == dec1 + 7 * day);
  CHECK(parse_period("", period_now, beijing_offset)->from == dec1);
  CHECK(parse_period("昨天", period_now, beijing_offset)->from == dec1 + day);
  CHECK(parse_period("yesterday", period_now, beijing_offset)->to == dec1 + 2 * day);
  CHECK(parse_period("本月", period_now, beijing_offset)->to == dec1 + 31 * day);
  auto year = parse_period("今年", period_now, beijing_offset);
  CHECK(year->to == dec1 + 31 * day);
  CHECK(year->from == dec1 - 334 * day);  // 2025-01-01
  CHECK(parse_period("去年", period_now, beijing_offset)->to == year->from);
  CHECK(parse_period("Last Year", period_now, beijing_offset)->name_id == "period.last_year");
}

TEST_CASE("typed months, years, days and ranges", "[stats][periods]") {
  for (const char* w : {"2025-11", "2025年11月", "2025/11", "２０２５-１１"}) {
    INFO(w);
    auto p = parse_period(w, period_now, beijing_offset);
    REQUIRE(p);
    CHECK(p->from == dec1 - 30 * day);
    CHECK(p->to == dec1);
    CHECK(p->label == "2025-11");
    CHECK(p->name_id.empty());
  }
  auto range = parse_period("2025-11-01~2025-11-15", period_now, beijing_offset);
  REQUIRE(range);
  CHECK(range->from == dec1 - 30 * day);
  CHECK(range->to == dec1 - 15 * day);
  CHECK(range->label == "2025-11-01~2025-11-15");
  auto chinese = parse_period("2025年11月1日至2025年11月15日", period_now, beijing_offset);
  REQUIRE(chinese);
  CHECK(chinese->to == range->to);
  CHECK(parse_period("2025-09~2025-11", period_now, beijing_offset)->to == dec1);
  CHECK(parse_period("2025年", period_now, beijing_offset)->to == dec1 + 31 * day);
  CHECK(parse_period("2025-12-03", period_now, beijing_offset)->from == dec1 + 2 * day);
  for (const char* w : {"2025-02-30", "2025-13", "2025-11-15~2025-11-01", "下个世纪", "2025-11-01~", "11月",
                        "2025-11-01 2025-11-02"}) {
    INFO(w);
    CHECK_FALSE(parse_period(w, period_now, beijing_offset));
  }
}

TEST_CASE("the same days a year before, 29 February included", "[stats][periods]") {
  auto p = *parse_period("2024-02-29", period_now, beijing_offset);
  auto y = commands::year_before(p, beijing_offset);
  CHECK(y.from == parse_period("2023-02-28", period_now, beijing_offset)->from);
  auto m = commands::year_before(*parse_period("本月", period_now, beijing_offset), beijing_offset);
  CHECK(m.from == parse_period("2024-12", period_now, beijing_offset)->from);
  CHECK(m.to == parse_period("2024-12", period_now, beijing_offset)->to);
  // A time inside a day keeps its hour: "so far" this month, a year before.
  commands::period so_far{dec1, period_now, "", ""};
  auto before = commands::year_before(so_far, beijing_offset);
  CHECK(before.to - before.from == period_now - dec1);
}
