// What the reporter does with a ticket after reporting it: 催单 (urge), 确认 (accept the fix),
// 重开 (not fixed), 评价 (rate 1-5), 取消工单 (withdraw). All go through the state machine.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> ticket_owner_commands();

}  // namespace commands
