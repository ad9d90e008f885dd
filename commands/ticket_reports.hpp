// Managers' views of the desk: 工单列表 (filtered by state, building, category and kind in any
// order) and 逾期工单 (past their response or fix time). A period's figures are commands/stats_report.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> ticket_report_commands();

}  // namespace commands
