// How long something took or may take, in words, the same everywhere a user reads a duration:
// "不到 1 分钟", "42 分钟", "1 小时 42 分", "2 小时", "2 天 3 小时" (en "1 h 42 min", "2 days 3 h").
#pragma once
#include <cstdint>
#include <string>

#include "bot/texts.hpp"

namespace bot {

// Whole minutes, rounded down (a negative duration reads as none); from two days on, days and
// whole hours.
std::string duration_text(const texts& t, locale l, std::int64_t ms);

}  // namespace bot
