// Managers' views of the desk: 工单列表 (filtered by state, building, category and kind in any
// order), 逾期工单 (past their response or fix time), 工单统计 (a period's figures).
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> ticket_report_commands();

}  // namespace commands
