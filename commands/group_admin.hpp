// Admins register a group to a community (optionally one building, or as a staff or managers'
// group) and set a group's reply language.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> group_admin_commands();

}  // namespace commands
