// Showing and reading wall-clock times in the community's time zone (a fixed UTC offset; China
// has no daylight saving time).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bot {

struct local_time_zone {
  int utc_offset_minutes = 480;

  std::string format(std::int64_t unix_ms) const;            // "12-01 09:05"
  std::string format_with_year(std::int64_t unix_ms) const;  // "2026-12-01 09:05"
  // The local midnight that begins the day unix_ms falls in (quotas and reports count local days).
  std::int64_t day_start(std::int64_t unix_ms) const;
  // Reads "2026-12-01 09:00", "2026-12-01T09:00" or "12-01 09:00" (this year, or next year when
  // that date has passed relative to now_ms).
  std::optional<std::int64_t> parse(std::string_view date, std::string_view time, std::int64_t now_ms) const;
};

}  // namespace bot
