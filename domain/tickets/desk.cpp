// Opening a ticket and applying what the state machine allowed. Who is told lives in notify.cpp,
// the timers in timers.cpp.
#include "domain/tickets/desk.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/role.hpp"
#include "domain/tickets/desk_parts.hpp"
#include "domain/tickets/duty.hpp"
#include "domain/tickets/sla.hpp"
#include "storage/stores.hpp"

namespace domain::tickets {
namespace desk {

std::string ticket_ref(const storage::ticket_row& t) {
  return "ticket:" + std::to_string(t.id);
}

}  // namespace desk

namespace {

using bot::day_ms;
using bot::minute_ms;
using desk::close_job;
using desk::sla_job;
using desk::ticket_ref;
using domain::ticket_state;

// What an action changes on the ticket besides its state; returns its name in the history
// ("escalate_again" for a second escalation).
std::string set_fields(storage::ticket_row& t, ticket_action action, ticket_state to, const actor& who,
                       const act_input& in, std::int64_t at, const bot::config& cfg) {
  auto responded = [&] {
    if (!t.first_response_at) t.first_response_at = at;
  };
  std::string event(action_name(action));
  switch (action) {
    case ticket_action::take:
      t.assignee_id = who.member->id;
      responded();
      break;
    case ticket_action::assign:
    case ticket_action::transfer:
      t.assignee_id = in.target->id;
      responded();
      break;
    case ticket_action::start:
    case ticket_action::reply:
      responded();
      break;
    case ticket_action::resolve:
      responded();
      t.resolved_at = at;
      break;
    case ticket_action::give_back:
      t.assignee_id.reset();
      break;
    case ticket_action::confirm:
    case ticket_action::auto_close:
    case ticket_action::cancel:
      t.closed_at = at;
      break;
    case ticket_action::rate:
      t.rating = in.score;
      t.rating_comment = in.note;
      if (to == ticket_state::closed) t.closed_at = at;
      break;
    case ticket_action::reopen: {
      // A new round: the fix is due again from now, and managers may be told again.
      t.resolved_at.reset();
      t.resolve_due_at = due_times(cfg, t.kind, t.category, t.priority, at).resolve_at;
      t.escalation = 0;
      t.escalated_at.reset();
      break;
    }
    case ticket_action::urge:
      t.urged_at = at;
      break;
    case ticket_action::visit:
      t.visit_result = in.visit_result;
      t.visited_at = at;
      break;
    case ticket_action::escalate:
      ++t.escalation;
      t.escalated_at = at;
      if (t.escalation > 1) event = "escalate_again";
      break;
  }
  return event;
}

}  // namespace

void ticket_desk::send(const bot::chat_ref& to, bot::outgoing o, storage::priority p,
                       const std::string& ref) {
  svc_.db.outbox.enqueue(to, o, p, ref, now());
}

void ticket_desk::send_news(const bot::chat_ref& to, bot::outgoing o, storage::priority p,
                            const std::string& ref) {
  svc_.db.outbox.enqueue_joining(to, o, p, ref, now());
}

void ticket_desk::send_sealed(const bot::chat_ref& to, bot::outgoing o, storage::priority p) {
  svc_.db.outbox.enqueue_sealed(to, o, p, now());
}

std::int64_t ticket_desk::now() const {
  return svc_.clk.now_ms();
}

void ticket_desk::schedule(const std::string& kind, const storage::ticket_row& t, std::int64_t at) {
  const std::string ref = std::to_string(t.id);
  svc_.db.jobs.cancel(kind, ref, now());
  // An anonymous ticket's timers are dated like the ticket, never by a writer's moment.
  svc_.db.jobs.schedule(kind, ref, at, "{}", t.anonymous ? t.created_at : now());
}

// ---------------------------------------------------------------------------------------------
// Opening

storage::ticket_row ticket_desk::open(storage::ticket_row t, const std::vector<bot::image_ref>& images) {
  sla_due due = due_times(svc_.cfg, t.kind, t.category, t.priority, t.created_at);
  t.state = ticket_state::new_;
  t.due_at = due.respond_at;
  t.resolve_due_at = due.resolve_at;
  t.id = svc_.db.tickets.create(t);
  svc_.db.tickets.add_event(
      {0, t.id, t.created_at, t.reporter_id, "", "created", std::nullopt, ticket_state::new_, ""});
  for (const auto& img : images) svc_.db.tickets.add_image(t.id, img.reference, t.created_at);
  schedule(sla_job, t, due.respond_at);

  const dispatch_mode mode = dispatch_for(svc_.cfg.tickets, t.kind, t.category);
  if (mode == dispatch_mode::round_robin) dispatch(t, std::nullopt);
  std::optional<storage::member_row> assignee;
  if (t.assignee_id) assignee = svc_.db.members.get(*t.assignee_id);

  tell_staff(
      t, [&](bot::locale l) { return news_.opened(svc_, l, t, assignee, mode); },
      // Never the emergency lane, even for urgent tickets: during a power cut every owner's 报修 is
      // urgent, and those notices must not hold back the broadcast that tells everyone at once.
      assignee, storage::priority::reply);
  return t;
}

// Round robin: to whom next_on_duty says, straight to assigned.
void ticket_desk::dispatch(storage::ticket_row& t, std::optional<std::int64_t> exclude) {
  auto m = next_on_duty(svc_, t, exclude);
  if (!m) return;
  const ticket_state from = t.state;
  t.assignee_id = m->id;
  t.state = ticket_state::assigned;
  svc_.db.tickets.update(t);
  svc_.db.tickets.add_event(
      {0, t.id, now(), std::nullopt, "", "dispatch", from, ticket_state::assigned, m->display_name});
  svc_.db.duty.assigned(m->id, t.community_id, now());
}

// ---------------------------------------------------------------------------------------------
// The state machine's effects

unsigned ticket_desk::parties(const storage::ticket_row& t, const actor& who) const {
  if (!who.member) return party::system;
  unsigned p = 0;
  const std::int64_t id = who.member->id;
  if (t.reporter_id && *t.reporter_id == id && id != 0) p |= party::reporter;
  const bool here = t.community_id == who.community_id || who.level == bot::role::admin;
  if (here && bot::at_least(who.level, bot::role::staff)) {
    p |= party::staff;
    if (t.assignee_id && *t.assignee_id == id) p |= party::assignee;
    if (bot::at_least(who.level, bot::role::manager)) p |= party::manager;
  }
  return p;
}

guard_facts ticket_desk::facts(const storage::ticket_row& t) const {
  guard_facts f;
  f.now_ms = now();
  f.urge_interval_ms = svc_.cfg.tickets.urge_interval_minutes * minute_ms;
  f.manual_dispatch = dispatch_for(svc_.cfg.tickets, t.kind, t.category) == dispatch_mode::manual;
  return f;
}

std::int64_t ticket_desk::apply(storage::ticket_row& t, const transition& row, const actor& who,
                                const act_input& in) {
  const std::int64_t at = now();
  const ticket_state from = t.state;
  const ticket_state to = row.to.value_or(t.state);
  const std::string event = set_fields(t, row.action, to, who, in, at, svc_.cfg);
  t.state = to;
  svc_.db.tickets.update(t);
  std::optional<std::int64_t> actor_id;
  if (who.member && who.member->id != 0) actor_id = who.member->id;
  std::string note = in.note;
  if (row.action == ticket_action::rate)  // the score belongs in the history too
    note = std::to_string(in.score.value_or(0)) + "/5" + (in.note.empty() ? "" : " " + in.note);
  // The history names states only where they changed.
  const auto moved = [&](ticket_state s) { return from != to ? std::optional(s) : std::nullopt; };
  const std::int64_t event_id =
      svc_.db.tickets.add_event({0, t.id, at, actor_id, "", event, moved(from), moved(to), note});
  if (actor_id && bot::at_least(who.level, bot::role::staff) && !(parties(t, who) & party::reporter))
    svc_.db.audit.record(actor_id, "ticket." + event, ticket_ref(t), note, at);
  if (in.target) svc_.db.duty.assigned(in.target->id, t.community_id, at);
  if (row.action == ticket_action::take) svc_.db.duty.assigned(who.member->id, t.community_id, at);

  // Timers.
  const std::string ref = std::to_string(t.id);
  if (to == ticket_state::resolved && from != ticket_state::resolved) {
    svc_.db.jobs.cancel(sla_job, ref, at);
    schedule(close_job, t, at + svc_.cfg.tickets.auto_close_days * day_ms);
  }
  if (row.action == ticket_action::reopen) {
    svc_.db.jobs.cancel(close_job, ref, at);
    schedule(sla_job, t, *t.resolve_due_at);
  }

  if (row.action == ticket_action::give_back &&
      dispatch_for(svc_.cfg.tickets, t.kind, t.category) == dispatch_mode::round_robin)
    dispatch(t, who.member ? std::optional<std::int64_t>(who.member->id) : std::nullopt);

  notify(t, row.action, who, in);

  if (domain::is_finished(to)) {
    svc_.db.jobs.cancel(sla_job, ref, at);
    svc_.db.jobs.cancel(close_job, ref, at);
    // The way back to an anonymous writer is kept only while the ticket is open.
    if (t.anonymous) svc_.db.suggestions.forget_relay(t.id);
  }
  return event_id;
}

}  // namespace domain::tickets
