// The one list of every command and chat hook. Adding a feature means adding it here.
#pragma once

namespace bot {
class registry;
class dispatcher;
}  // namespace bot

namespace commands {

void register_all(bot::registry& r);
void install_hooks(bot::dispatcher& d);

}  // namespace commands
