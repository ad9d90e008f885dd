#include "commands/all_commands.hpp"

#include "bot/core.hpp"
#include "bot/registry.hpp"
#include "commands/binding.hpp"
#include "commands/group_admin.hpp"
#include "commands/help.hpp"
#include "commands/repair.hpp"
#include "commands/ticket_query.hpp"
#include "commands/welcome.hpp"

namespace commands {

void register_all(bot::registry& r) {
  for (auto* make : {help_commands, repair_commands, ticket_query_commands, binding_commands, group_admin_commands})
    for (auto& spec : make()) r.add(std::move(spec));
}

void install_hooks(bot::core& c) {
  install_welcome(c);
}

}  // namespace commands
