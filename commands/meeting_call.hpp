// 会议 业委会季度会议 2026-12-15 19:00 物业会议室 [对象 3栋|全体|停车]: a manager calls a meeting.
// The time is the longest run of words after the title that reads as a moment (bot/natural_time;
// an hour is needed), the place is what follows it; the audience is the community's or a
// building's owners' groups, or privately the owners who reported tickets of a category.
#pragma once
#include "bot/command.hpp"

namespace bot {
class context;
}

namespace commands {

bot::command_result call_meeting_command(bot::context& ctx, const bot::args& a);

}  // namespace commands
