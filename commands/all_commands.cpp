#include "commands/all_commands.hpp"

#include "bot/feature_host.hpp"
#include "bot/registry.hpp"
#include "commands/binding.hpp"
#include "commands/broadcast_confirm.hpp"
#include "commands/complaint_offer.hpp"
#include "commands/dashboard_login.hpp"
#include "commands/delivery_alert.hpp"
#include "commands/direct_words.hpp"
#include "commands/emergency.hpp"
#include "commands/emergency_ack.hpp"
#include "commands/group_admin.hpp"
#include "commands/group_chatter.hpp"
#include "commands/help.hpp"
#include "commands/meetings.hpp"
#include "commands/notice.hpp"
#include "commands/notice_query.hpp"
#include "commands/outage_alert.hpp"
#include "commands/repair.hpp"
#include "commands/role_admin.hpp"
#include "commands/stats_digest.hpp"
#include "commands/stats_report.hpp"
#include "commands/suggestion_box.hpp"
#include "commands/surveys.hpp"
#include "commands/ticket_duty.hpp"
#include "commands/ticket_jobs.hpp"
#include "commands/ticket_owner.hpp"
#include "commands/ticket_query.hpp"
#include "commands/ticket_reports.hpp"
#include "commands/ticket_staff.hpp"
#include "commands/topics.hpp"
#include "commands/visits.hpp"
#include "commands/votes.hpp"
#include "commands/welcome.hpp"
#include "domain/tickets/settings.hpp"

namespace commands {

using domain::tickets::check_ticket_settings;

namespace {

using spec_list = std::vector<bot::command_spec> (*)();

constexpr spec_list command_lists[] = {help_commands,           repair_commands,
                                       ticket_query_commands,   ticket_owner_commands,
                                       suggestion_box_commands, complaint_offer_commands,
                                       ticket_staff_commands,   ticket_duty_commands,
                                       ticket_report_commands,  binding_commands,
                                       group_admin_commands,    notice_commands,
                                       notice_query_commands,   broadcast_confirm_commands,
                                       emergency_commands,      emergency_ack_commands,
                                       role_admin_commands,     vote_commands,
                                       meeting_commands,        visit_commands,
                                       topic_commands,          survey_commands,
                                       stats_commands,          dashboard_commands};

}  // namespace

void register_all(bot::registry& r) {
  for (auto make : command_lists)
    for (auto& spec : make()) r.add(std::move(spec));
}

void install_all(bot::feature_host& host) {
  for (auto make : command_lists)
    for (auto& spec : make()) host.command(std::move(spec));
  install_ticket_timers(host);
  install_suggestion_box(host);
  install_notice_jobs(host);
  install_emergency_jobs(host);
  install_delivery_alerts(host);
  install_outage_alerts(host);
  install_welcome(host);
  install_votes(host);
  install_meetings(host);
  install_surveys(host);
  install_stats_digest(host);
  host.on_chatter(on_group_chatter);
  host.on_direct(on_direct_words);  // after the survey dialogue's
}

std::vector<bot::config_check> config_checks() {
  return {check_ticket_settings, check_stats_settings};
}

}  // namespace commands
