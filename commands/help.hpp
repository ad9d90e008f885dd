// 帮助 / help: the commands the asker may use, and the usage of one command.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> help_commands();

}  // namespace commands
