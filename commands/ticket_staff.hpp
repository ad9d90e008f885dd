// What staff and managers do with tickets: 接单 (take), 处理 (start), 完成 (resolve), 转单
// (transfer), 退单 (give back), 回复 (answer the reporter), 待办 (my open tickets); managers also
// 派单 (assign) and 回访 (record the return visit). All go through the state machine.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> ticket_staff_commands();

}  // namespace commands
