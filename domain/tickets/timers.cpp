// The ticket timers (jobs ticket.sla, ticket.escalations and ticket.autoclose): escalating late
// tickets, telling the managers, closing resolved tickets nobody confirmed. Part of the ticket desk;
// commands/ticket_jobs registers the jobs.
#include "domain/tickets/desk.hpp"

#include <fmt/format.h>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "domain/tickets/desk_parts.hpp"
#include "storage/stores.hpp"

namespace domain::tickets {
namespace {

using bot::day_ms;
using bot::minute_ms;
using desk::sla_job;
using desk::ticket_ref;
constexpr const char* escalations_job = desk::escalations_timer.name;
constexpr std::size_t escalations_one_by_one = 3;  // more at once are summed up in one message

}  // namespace

void ticket_desk::check_sla(std::int64_t ticket_id) {
  auto found = svc_.db.tickets.get(ticket_id);
  if (!found || !domain::is_open(found->state)) return;
  storage::ticket_row& t = *found;
  const std::int64_t at = now();
  const bool response_late = !t.first_response_at && t.due_at && at >= *t.due_at;
  const bool fix_late = t.resolve_due_at && at >= *t.resolve_due_at;
  std::optional<std::int64_t> next;
  auto consider = [&](std::int64_t when) {
    if (when > at && (!next || when < *next)) next = when;
  };
  if (!t.first_response_at && t.due_at) consider(*t.due_at);
  if (t.resolve_due_at) consider(*t.resolve_due_at);
  const std::int64_t again = svc_.cfg.tickets.second_escalation_minutes * minute_ms;

  const bool late = response_late || fix_late;
  const bool escalate_now =
      late && (t.escalation == 0 || (t.escalation == 1 && at >= *t.escalated_at + again));
  if (escalate_now) {
    auto v = check(ticket_action::escalate, t, party::system, facts(t));
    if (!v.allowed) return;
    const std::int64_t event = apply(t, *v.allowed, actor{}, {});
    // The managers hear about it from one job per burst of escalations (see announce_escalations).
    const std::string community = std::to_string(t.community_id);
    if (svc_.db.jobs.pending(escalations_job, community).empty())
      svc_.db.jobs.schedule(escalations_job, community, at, fmt::format(R"({{"after": {}}})", event - 1), at);
    if (t.escalation == 1) schedule(sla_job, t, at + again);
    return;
  }
  if (t.escalation == 1 && at < *t.escalated_at + again) {
    schedule(sla_job, t, *t.escalated_at + again);
  } else if (t.escalation < 2 && next) {
    schedule(sla_job, t, *next);
  }
}

void ticket_desk::announce_escalations(std::int64_t community_id, std::int64_t after_event) {
  auto rows = svc_.db.tickets.escalations_since(community_id, after_event);
  const std::int64_t at = now();
  if (rows.size() > escalations_one_by_one) {
    std::vector<std::int64_t> ids;
    for (const auto& row : rows) ids.push_back(row.second);
    tell_managers(community_id, "tickets:overdue",
                  [&](bot::locale l) { return news_.escalated_many(svc_, l, ids); });
    return;
  }
  for (const auto& [event, ticket_id] : rows) {
    auto found = svc_.db.tickets.get(ticket_id);
    if (!found || !domain::is_open(found->state)) continue;
    const storage::ticket_row& t = *found;
    const bool response_late = !t.first_response_at && t.due_at && at >= *t.due_at;
    const std::int64_t due = response_late ? *t.due_at : t.resolve_due_at.value_or(at);
    tell_managers(t.community_id, ticket_ref(t),
                  [&](bot::locale l) { return news_.escalated(svc_, l, t, response_late, due, at); });
  }
}

void ticket_desk::auto_close(std::int64_t ticket_id) {
  auto t = svc_.db.tickets.get(ticket_id);
  if (!t || t->state != domain::ticket_state::resolved || !t->resolved_at) return;
  if (now() < *t->resolved_at + svc_.cfg.tickets.auto_close_days * day_ms) return;  // resolved again later
  auto v = check(ticket_action::auto_close, *t, party::system, facts(*t));
  if (v.allowed) apply(*t, *v.allowed, actor{}, {});
}

}  // namespace domain::tickets
