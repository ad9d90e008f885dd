// Staff duty for round-robin dispatch: 上班 [类别...] (on duty, optionally naming the categories
// served), 下班 (off duty), 值班 (who is on duty). Someone who never said 上班 gets no round-robin
// tickets; with nobody on duty a ticket waits in the pool for 接单.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> ticket_duty_commands();

}  // namespace commands
