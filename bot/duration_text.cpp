#include "bot/duration_text.hpp"

namespace bot {

std::string duration_text(const texts& t, locale l, std::int64_t ms) {
  constexpr std::int64_t hour = 60, day = 24 * hour;
  const std::int64_t minutes = ms > 0 ? ms / 60'000 : 0;
  if (minutes == 0) return t(l, "duration.under_minute");
  if (minutes < hour) return t(l, "duration.minutes", fmt::arg("n", minutes));
  // Up to two days in hours: "24 小时" reads better than "1 天", and days are then always plural.
  if (minutes < 2 * day) {
    if (minutes % hour == 0) return t(l, "duration.hours", fmt::arg("n", minutes / hour));
    return t(l, "duration.hours_minutes", fmt::arg("h", minutes / hour), fmt::arg("m", minutes % hour));
  }
  const std::int64_t hours = minutes % day / hour;
  if (hours == 0) return t(l, "duration.days", fmt::arg("n", minutes / day));
  return t(l, "duration.days_hours", fmt::arg("d", minutes / day), fmt::arg("h", hours));
}

}  // namespace bot
