// Emergencies (紧急情况): staff broadcast first to every affected group with @all where allowed,
// post progress into the same emergency, remind those who have not acknowledged, and close it
// with a summary. Acknowledgements (收到) are in emergency_ack.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace bot {
class feature_host;
}

namespace commands {

std::vector<bot::command_spec> emergency_commands();
void install_emergency_jobs(bot::feature_host& host);  // "emergency.remind": the automatic reminder

}  // namespace commands
