// 绑定 / bind: an owner claims a room from the roster with the last four digits of the phone
// number on file, in private chat only, with a limit on wrong guesses.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> binding_commands();

}  // namespace commands
