// Dates and times as owners and staff type them, in the community's time zone (UTC+8 here).
#include <catch2/catch.hpp>

#include "bot/natural_time.hpp"

using bot::read_moment;
using bot::time_problem;

namespace {

const bot::local_time_zone beijing{480};
// Sunday 2026-12-06 10:00 in Beijing.
const std::int64_t now = beijing.parse("2026-12-06", "10:00", 0).value();

std::string read(const char* text, bool end_of_day = true) {
  auto r = read_moment(text, now, beijing, end_of_day);
  return r.at ? beijing.format_with_year(*r.at) : "-";
}

time_problem problem_of(const char* text, bool end_of_day = true) {
  auto r = read_moment(text, now, beijing, end_of_day);
  REQUIRE_FALSE(r.at);
  return r.problem;
}

}  // namespace

TEST_CASE("calendar dates with and without a year", "[time]") {
  CHECK(read("2026-12-20 18:00") == "2026-12-20 18:00");
  CHECK(read("2026-12-20T18:00") == "2026-12-20 18:00");
  CHECK(read("2026/12/20 18:00") == "2026-12-20 18:00");
  CHECK(read("2026年12月20日18点") == "2026-12-20 18:00");
  CHECK(read("12月20日18点") == "2026-12-20 18:00");
  CHECK(read("12月20日 下午6点") == "2026-12-20 18:00");
  CHECK(read("12月20号晚上6点半") == "2026-12-20 18:30");
  CHECK(read("十二月二十日 18:00") == "2026-12-20 18:00");
  CHECK(read("12-20 18:00") == "2026-12-20 18:00");
  CHECK(read("２０２６－１２－２０　１８：００") == "2026-12-20 18:00");  // full width
  CHECK(read("1月3日 9:00") == "2027-01-03 09:00");                       // passed this year: next year
  CHECK(read("20号18点") == "2026-12-20 18:00");
  CHECK(read("3号 18:00") == "2027-01-03 18:00");  // passed this month: next month
}

TEST_CASE("days named relative to today, and weekdays", "[time]") {
  CHECK(read("明天 9:00") == "2026-12-07 09:00");
  CHECK(read("明天上午9点") == "2026-12-07 09:00");
  CHECK(read("后天下午3点半") == "2026-12-08 15:30");
  CHECK(read("今晚8点") == "2026-12-06 20:00");
  CHECK(read("明早7点") == "2026-12-07 07:00");
  CHECK(read("晚上七点") == "2026-12-06 19:00");
  CHECK(read("18:30") == "2026-12-06 18:30");
  // 2026-12-06 is a Sunday: 下周三 is Wednesday of the coming week, 周三 the next Wednesday.
  CHECK(read("下周三晚上7点") == "2026-12-09 19:00");
  CHECK(read("周三 19:00") == "2026-12-09 19:00");
  CHECK(read("星期五下午2点") == "2026-12-11 14:00");
  CHECK(read("下下周一 10:00") == "2026-12-14 10:00");
  CHECK(read("tomorrow 9:00") == "2026-12-07 09:00");
  CHECK(read("tomorrow 6pm") == "2026-12-07 18:00");
  CHECK(read("next wed 7:30pm") == "2026-12-09 19:30");
  CHECK(read("12月20日18点前") == "2026-12-20 18:00");
}

TEST_CASE("a day alone is its end for a deadline and not enough for a meeting", "[time]") {
  CHECK(read("12月20日") == "2026-12-20 23:59");
  CHECK(read("下周五") == "2026-12-11 23:59");
  CHECK(problem_of("12月20日", false) == time_problem::no_time);
  CHECK(problem_of("明天下午", false) == time_problem::no_time);
}

TEST_CASE("an hour that could be morning or evening is refused, not guessed", "[time]") {
  CHECK(problem_of("明天7点") == time_problem::ambiguous);
  CHECK(problem_of("下周三 8点半") == time_problem::ambiguous);
  CHECK(problem_of("tomorrow 7") == time_problem::unreadable);
}

TEST_CASE("past moments and nonsense are refused", "[time]") {
  CHECK(problem_of("2026-12-05 18:00") == time_problem::past);
  CHECK(problem_of("今天上午9点") == time_problem::past);
  CHECK(problem_of("2026-02-30 18:00") == time_problem::unreadable);
  CHECK(problem_of("2026-12-20 25:00") == time_problem::unreadable);
  CHECK(problem_of("下午13点半以后再说") == time_problem::unreadable);
  CHECK(problem_of("尽快") == time_problem::unreadable);
  CHECK(problem_of("") == time_problem::unreadable);
  CHECK(problem_of("上午15点") == time_problem::unreadable);
}

TEST_CASE("night hours are not read as afternoon, and a weekday already passed today means next week",
          "[time]") {
  CHECK(problem_of("晚上1点") == time_problem::ambiguous);  // 01:00 to some, never 13:00
  CHECK(problem_of("今晚 2点半") == time_problem::ambiguous);
  CHECK(read("12月20日半夜12点") == "2026-12-21 00:00");
  CHECK(problem_of("半夜2点") == time_problem::ambiguous);
  CHECK(read("明天凌晨2点") == "2026-12-07 02:00");
  CHECK(problem_of("凌晨2点") == time_problem::past);  // today's has gone; the day must be said
  CHECK(read("周日 9:00") == "2026-12-13 09:00");   // said on Sunday 10:00
  CHECK(problem_of("本周日 9:00") == time_problem::past);
  CHECK(problem_of("257号 18:00") == time_problem::unreadable);
  CHECK(problem_of("268月1日 18:00") == time_problem::unreadable);
  CHECK(read("26年12月20日 18:00") == "2026-12-20 18:00");
}
