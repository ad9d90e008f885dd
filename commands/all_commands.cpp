#include "commands/all_commands.hpp"

#include <nlohmann/json.hpp>

#include "bot/core.hpp"
#include "bot/registry.hpp"
#include "commands/binding.hpp"
#include "commands/complaint_offer.hpp"
#include "commands/delivery_alert.hpp"
#include "commands/emergency.hpp"
#include "commands/emergency_ack.hpp"
#include "commands/group_admin.hpp"
#include "commands/group_chatter.hpp"
#include "commands/help.hpp"
#include "commands/notice.hpp"
#include "commands/notice_query.hpp"
#include "commands/repair.hpp"
#include "commands/role_admin.hpp"
#include "commands/suggestion_box.hpp"
#include "commands/ticket_desk.hpp"
#include "commands/ticket_duty.hpp"
#include "commands/ticket_owner.hpp"
#include "commands/ticket_query.hpp"
#include "commands/ticket_reports.hpp"
#include "commands/ticket_staff.hpp"
#include "commands/welcome.hpp"

namespace commands {

void register_all(bot::registry& r) {
  for (auto* make :
       {help_commands, repair_commands, ticket_query_commands, ticket_owner_commands, suggestion_box_commands,
        complaint_offer_commands, ticket_staff_commands, ticket_duty_commands, ticket_report_commands,
        binding_commands, group_admin_commands, notice_commands, notice_query_commands, emergency_commands,
        emergency_ack_commands, role_admin_commands})
    for (auto& spec : make()) r.add(std::move(spec));
}

void install_hooks(bot::core& c) {
  install_notice_jobs(c);
  install_emergency_jobs(c);
  install_delivery_alerts(c);
  install_welcome(c);
  c.dispatch.hooks().on_chatter = on_group_chatter;
  auto ticket_id = [](const storage::job_row& job) { return std::stoll(job.ref); };
  c.jobs.on("ticket.sla", [&c, ticket_id](const storage::job_row& job) {
    ticket_desk::of(c.svc).check_sla(ticket_id(job));
  });
  c.jobs.on("ticket.autoclose", [&c, ticket_id](const storage::job_row& job) {
    ticket_desk::of(c.svc).auto_close(ticket_id(job));
  });
  c.jobs.on("ticket.escalations", [&c](const storage::job_row& job) {
    auto payload = nlohmann::json::parse(job.payload, nullptr, false);
    std::int64_t after = payload.is_object() ? payload.value("after", std::int64_t{0}) : 0;
    ticket_desk::of(c.svc).announce_escalations(std::stoll(job.ref), after);
  });
  c.jobs.on("suggestions.flush", [&c](const storage::job_row&) { flush_suggestions(c.svc); });
}

}  // namespace commands
