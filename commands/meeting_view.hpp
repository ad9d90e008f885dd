// How meetings read: the notice that calls one, its reminder, a line of the list, and the minutes
// split into messages. Room numbers in titles, places and minutes are masked for groups.
#pragma once
#include <string>
#include <vector>

#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "storage/meeting_store.hpp"

namespace commands {

std::string meeting_time(const bot::services& svc, bot::locale l,
                         std::int64_t at);  // "2026-12-15 19:00（周二）"
std::string meeting_title(const bot::services& svc, bot::locale l, const storage::meeting_row& m);  // masked
std::string meeting_audience(const bot::services& svc, bot::locale l, const storage::meeting_row& m);
std::string meeting_notice(const bot::services& svc, bot::locale l, const storage::meeting_row& m);
std::string meeting_reminder(const bot::services& svc, bot::locale l, const storage::meeting_row& m,
                             int attending);
std::string meeting_line(const bot::services& svc, bot::locale l, const storage::meeting_row& m);
// 【会议纪要 #4】title（1/3）, each part at most a chat message long.
std::vector<std::string> minutes_messages(const bot::services& svc, bot::locale l,
                                          const storage::meeting_row& m);

}  // namespace commands
