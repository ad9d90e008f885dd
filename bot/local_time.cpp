#include "bot/local_time.hpp"

#include <fmt/format.h>

#include <charconv>
#include <ctime>

#include "bot/clock.hpp"

namespace bot {
namespace {

std::tm to_tm(std::int64_t unix_ms, int offset_minutes) {
  std::time_t secs = static_cast<std::time_t>(unix_ms / 1000 + offset_minutes * 60);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return tm;
}

// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool read_int(std::string_view s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::string local_time_zone::format(std::int64_t unix_ms) const {
  std::tm tm = to_tm(unix_ms, utc_offset_minutes);
  return fmt::format("{:02}-{:02} {:02}:{:02}", tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
}

std::string local_time_zone::format_with_year(std::int64_t unix_ms) const {
  std::tm tm = to_tm(unix_ms, utc_offset_minutes);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min);
}

std::int64_t local_time_zone::day_start(std::int64_t unix_ms) const {
  const std::int64_t offset = utc_offset_minutes * minute_ms;
  const std::int64_t local = unix_ms + offset;
  return local - (local % day_ms + day_ms) % day_ms - offset;  // floored: times before 1970 too
}

std::optional<std::int64_t> local_time_zone::parse(std::string_view date, std::string_view time,
                                                   std::int64_t now_ms) const {
  if (auto t = date.find('T'); t != std::string_view::npos && time.empty()) {
    time = date.substr(t + 1);
    date = date.substr(0, t);
  }
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  std::size_t d1 = date.find('-');
  if (d1 == std::string_view::npos) return std::nullopt;
  std::size_t d2 = date.find('-', d1 + 1);
  bool has_year = d2 != std::string_view::npos;
  if (has_year) {
    if (!read_int(date.substr(0, d1), year) || !read_int(date.substr(d1 + 1, d2 - d1 - 1), month) ||
        !read_int(date.substr(d2 + 1), day))
      return std::nullopt;
  } else {
    if (!read_int(date.substr(0, d1), month) || !read_int(date.substr(d1 + 1), day)) return std::nullopt;
    year = to_tm(now_ms, utc_offset_minutes).tm_year + 1900;
  }
  std::size_t colon = time.find(':');
  if (colon == std::string_view::npos || !read_int(time.substr(0, colon), hour) ||
      !read_int(time.substr(colon + 1), minute))
    return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return std::nullopt;
  auto to_ms = [&](int y) {
    std::int64_t days = days_from_civil(y, static_cast<unsigned>(month), static_cast<unsigned>(day));
    return ((days * 24 + hour) * 60 + minute - utc_offset_minutes) * 60'000;
  };
  std::int64_t ms = to_ms(year);
  if (to_tm(ms, utc_offset_minutes).tm_mday != day) return std::nullopt;  // 02-30 and friends
  if (!has_year && ms < now_ms) ms = to_ms(year + 1);
  return ms;
}

}  // namespace bot
