// 收到 / /ack: owners acknowledge an emergency. In a group a bare 收到 is recorded without a reply,
// so that a hundred owners answering do not bury the emergency under a hundred bot messages.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> emergency_ack_commands();

}  // namespace commands
