// The one list of every feature: its commands, scheduled jobs, chat hooks and dead-letter
// listeners, registered through bot::feature_host, and the checks of the config values the
// features own. Adding a feature means adding it here; the wiring (bot/app.cpp) hands these in.
#pragma once
#include <vector>

#include "bot/config.hpp"

namespace bot {
class feature_host;
class registry;
}  // namespace bot

namespace commands {

// The command specs only (what help and the texts tests enumerate).
void register_all(bot::registry& r);
// Everything: commands, job kinds, chat hooks and dead-letter listeners.
void install_all(bot::feature_host& host);
// Checks of [tickets] values that only the ticket feature knows (category ids, dispatch modes).
std::vector<bot::config_check> config_checks();

}  // namespace commands
