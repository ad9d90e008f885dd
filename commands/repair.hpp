// 报修 / repair: an owner (or any resident) reports something broken and gets a ticket number.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> repair_commands();

}  // namespace commands
