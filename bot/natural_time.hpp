// Moments as people type them in chat, in the community's time zone: "2026-12-20 18:00",
// "2026年12月20日18点", "12月20日 下午6点", "12-20 18:00", "20号18点", "明天 9:00", "后天下午3点半",
// "今晚8点", "下周三晚上7点", "本周五 18:00", "周五", "tomorrow 9:00", "6pm". A whole text is read or
// nothing: what is left over makes it unreadable.
//
// "7点" with no 上午/下午/晚上 could be morning or evening and is refused as ambiguous; a clock time
// with a colon ("9:00", "19:30") is a 24-hour time. A date without a time is a whole day: callers
// decide whether that means the end of it (a deadline) or is not enough (a meeting).
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "bot/local_time.hpp"

namespace bot {

enum class time_problem {
  unreadable,  // not a date or time we know
  ambiguous,   // "7点": morning or evening?
  past,        // before now
  no_time,     // a day without an hour (see read_moment's `end_of_day`)
};

struct moment_read {
  std::optional<std::int64_t> at;  // unix ms
  time_problem problem = time_problem::unreadable;
};

// `end_of_day`: a date alone means 23:59 of that day; otherwise it is `no_time`.
moment_read read_moment(std::string_view text, std::int64_t now_ms, const local_time_zone& tz,
                        bool end_of_day);

}  // namespace bot
