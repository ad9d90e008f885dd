// Staff duty for round-robin dispatch: 上班 [类别...] (on duty, optionally naming the categories
// served), 下班 (off duty), 值班 (who is on duty). Who gets the next ticket is
// domain/tickets/duty.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> ticket_duty_commands();

}  // namespace commands
