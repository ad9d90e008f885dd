// Meetings (业委会季度会议, 专题座谈会): managers call them (`会议 …`, commands/meeting_call), owners
// answer `参加 4` / `不参加 4`, a reminder goes out two hours before, and the minutes (`纪要 4 …`)
// go to the same audience and stay (`纪要 4`, `会议列表`).
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace bot {
class feature_host;
}

namespace commands {

std::vector<bot::command_spec> meeting_commands();
void install_meetings(bot::feature_host& host);  // "meeting.remind"

}  // namespace commands
