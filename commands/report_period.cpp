#include "commands/report_period.hpp"

#include <ctime>

#include "bot/clock.hpp"
#include "bot/local_time.hpp"

namespace commands {

using bot::day_ms;
using bot::minute_ms;

std::optional<period> parse_period(std::string_view w, std::int64_t now, int offset_minutes) {
  // Worked out in local time (so gmtime_r gives the local calendar), shifted back at the end.
  const std::int64_t offset = offset_minutes * minute_ms;
  const std::int64_t day_start = bot::local_time_zone{offset_minutes}.day_start(now) + offset;
  std::time_t secs = static_cast<std::time_t>(day_start / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  const int weekday = (tm.tm_wday + 6) % 7;  // Monday 0
  const std::int64_t week_start = day_start - weekday * day_ms;
  auto month_start = [&](int months_back) {
    std::tm m{};
    m.tm_year = tm.tm_year;
    m.tm_mon = tm.tm_mon - months_back;
    m.tm_mday = 1;
    return static_cast<std::int64_t>(timegm(&m)) * 1000;
  };
  period p;
  if (w.empty() || w == "本周" || w == "this week" || w == "week") {
    p = {week_start, week_start + 7 * day_ms, "period.this_week"};
  } else if (w == "今天" || w == "today") {
    p = {day_start, day_start + day_ms, "period.today"};
  } else if (w == "上周" || w == "last week") {
    p = {week_start - 7 * day_ms, week_start, "period.last_week"};
  } else if (w == "本月" || w == "this month" || w == "month") {
    p = {month_start(0), month_start(-1), "period.this_month"};
  } else if (w == "上月" || w == "last month") {
    p = {month_start(1), month_start(0), "period.last_month"};
  } else {
    return std::nullopt;
  }
  p.from -= offset;
  p.to -= offset;
  return p;
}

}  // namespace commands
