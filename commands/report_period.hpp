// The periods managers ask reports for, in the community's local calendar: 今天, 昨天, 本周 (the
// default; weeks start on Monday), 上周, 本月, 上月, 今年, 去年 and their English words; a month
// (2026-11, 2026年11月), a year (2026年), a day (2026-11-05) or a range of them
// (2026-11-01~2026-11-15, 2026年9月至11月 is not read: both ends carry their year).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bot/texts.hpp"

namespace commands {

struct period {
  std::int64_t from = 0, to = 0;  // unix ms, [from, to)
  std::string name_id;            // "period.this_week"; empty for dates typed
  std::string label;              // dates typed, written back: "2026-11", "2026-11-01~2026-11-15"
};

std::optional<period> parse_period(std::string_view word, std::int64_t now, int offset_minutes);
// The same calendar days a year earlier.
period year_before(const period& p, int offset_minutes);
// "本月", "this month", "2026-11".
std::string period_text(const bot::texts& t, bot::locale l, const period& p);

}  // namespace commands
