#include "commands/all_commands.hpp"

#include "bot/core.hpp"
#include "bot/registry.hpp"
#include "commands/binding.hpp"
#include "commands/delivery_alert.hpp"
#include "commands/emergency.hpp"
#include "commands/emergency_ack.hpp"
#include "commands/group_admin.hpp"
#include "commands/help.hpp"
#include "commands/notice.hpp"
#include "commands/notice_query.hpp"
#include "commands/repair.hpp"
#include "commands/ticket_query.hpp"
#include "commands/welcome.hpp"

namespace commands {

void register_all(bot::registry& r) {
  for (auto* make :
       {help_commands, repair_commands, ticket_query_commands, binding_commands, group_admin_commands,
        notice_commands, notice_query_commands, emergency_commands, emergency_ack_commands})
    for (auto& spec : make()) r.add(std::move(spec));
}

void install_hooks(bot::core& c) {
  install_notice_jobs(c);
  install_emergency_jobs(c);
  install_delivery_alerts(c);
  install_welcome(c);
}

}  // namespace commands
