// The one list of every command and chat hook. Adding a feature means adding it here.
#pragma once

namespace bot {
class registry;
class core;
}  // namespace bot

namespace commands {

void register_all(bot::registry& r);
// Chat hooks (dispatcher) and job handlers (scheduler) of the features.
void install_hooks(bot::core& c);

}  // namespace commands
