// 我的工单 / mytickets and 工单 N / ticket N: owners follow their own tickets; staff see any ticket
// of their community.
#pragma once
#include <optional>
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> ticket_query_commands();

}  // namespace commands
