// Service specialists' visits (服务专员走访): staff log them (`走访 3栋2单元 检查消防通道，已清理杂物`; a
// room's visit ending in `转工单` also opens a repair ticket from what was found), managers see
// coverage per building and week (`走访统计 本月`) and which buildings nobody visited, and the
// resolved tickets still waiting for their return visit (`回访列表`).
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> visit_commands();

}  // namespace commands
