// The periods managers ask reports for, in the community's local calendar: 今天, 本周 (the default;
// weeks start on Monday), 上周, 本月, 上月 and their English words.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace commands {

struct period {
  std::int64_t from = 0, to = 0;  // unix ms, [from, to)
  std::string name_id;            // "period.this_week"
};

std::optional<period> parse_period(std::string_view word, std::int64_t now, int offset_minutes);

}  // namespace commands
