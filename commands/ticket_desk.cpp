#include "commands/ticket_desk.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/duration_text.hpp"
#include "bot/local_time.hpp"
#include "bot/log.hpp"
#include "bot/member_role.hpp"
#include "bot/texts.hpp"
#include "bot/utf8.hpp"
#include "commands/staff_directory.hpp"
#include "commands/staff_reach.hpp"
#include "commands/suggestion_seal.hpp"
#include "commands/ticket_query.hpp"
#include "commands/ticket_sla.hpp"
#include "commands/ticket_view.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

constexpr std::int64_t minute_ms = 60'000;
constexpr std::int64_t day_ms = 24 * 60 * minute_ms;
constexpr const char* sla_job = "ticket.sla";
constexpr const char* close_job = "ticket.autoclose";
constexpr const char* escalations_job = "ticket.escalations";
constexpr std::size_t escalations_one_by_one = 3;  // more at once are summed up in one message
constexpr std::size_t escalations_listed = 30;

std::string ref_of(const storage::ticket_row& t) {
  return "ticket:" + std::to_string(t.id);
}

// The seal of an anonymous writer is bound to its ticket.
std::string relay_purpose(std::int64_t ticket_id) {
  return "ticket:" + std::to_string(ticket_id);
}

}  // namespace

actor actor_of(const bot::context& ctx) {
  actor a;
  a.member = ctx.who.member;
  a.level = ctx.who.level;
  a.community_id = ctx.community();
  return a;
}

ticket_desk::ticket_desk(bot::services& svc, outlet out) : svc_(svc), out_(std::move(out)) {}

ticket_desk ticket_desk::of(bot::context& ctx) {
  return ticket_desk(ctx.svc, [&ctx](const bot::chat_ref& to, bot::outgoing o, storage::priority p,
                                     const std::string& ref) { ctx.send(to, std::move(o), p, ref); });
}

ticket_desk ticket_desk::of(bot::services& svc) {
  return ticket_desk(
      svc, [&svc](const bot::chat_ref& to, bot::outgoing o, storage::priority p, const std::string& ref) {
        svc.db.outbox.enqueue(to, o, p, ref, svc.clk.now_ms());
      });
}

std::int64_t ticket_desk::now() const {
  return svc_.clk.now_ms();
}

bot::locale ticket_desk::default_locale() const {
  return bot::parse_locale(svc_.cfg.community.lang).value_or(bot::locale::zh_CN);
}

std::string ticket_desk::where(const storage::ticket_row& t, bot::locale l) const {
  std::string w = shown_location(t, false, l);
  return w.empty() ? svc_.t(l, "ticket.no_location") : w;
}

std::string ticket_desk::name_of(std::optional<std::int64_t> member_id, bot::locale l) const {
  if (member_id)
    if (auto m = svc_.db.members.get(*member_id); m && !m->display_name.empty()) return m->display_name;
  return svc_.t(l, "ticket.nobody");
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
  t.state = "new";
  t.due_at = due.respond_at;
  t.resolve_due_at = due.resolve_at;
  t.id = svc_.db.tickets.create(t);
  svc_.db.tickets.add_event({0, t.id, t.created_at, t.reporter_id, "", "created", "", "new", ""});
  for (const auto& img : images) svc_.db.tickets.add_image(t.id, img.reference, t.created_at);
  schedule(sla_job, t, due.respond_at);

  const dispatch_mode mode = dispatch_for(svc_.cfg.tickets, t.kind, t.category);
  if (mode == dispatch_mode::round_robin) dispatch(t, std::nullopt);
  std::optional<storage::member_row> assignee;
  if (t.assignee_id) assignee = svc_.db.members.get(*t.assignee_id);

  tell_staff(
      t,
      [&](bot::locale l) {
        std::string hint = assignee ? svc_.t(l, "ticket.hint.dispatched", fmt::arg("id", t.id))
                           : mode == dispatch_mode::manual
                               ? svc_.t(l, "ticket.hint.manual", fmt::arg("id", t.id))
                               : svc_.t(l, "ticket.hint.grab", fmt::arg("id", t.id));
        return svc_.t(l, "ticket.staff.new", fmt::arg("id", t.id),
                      fmt::arg("priority", svc_.t(l, "priority." + t.priority)),
                      fmt::arg("kind", svc_.t(l, "ticket.kind." + t.kind)), fmt::arg("where", where(t, l)),
                      fmt::arg("category", svc_.t(l, "category." + t.category)),
                      fmt::arg("description", bot::utf8::truncate(redact_for_group(t.description, l), 60)),
                      fmt::arg("hint", hint));
      },
      // Never the emergency lane, even for urgent tickets: during a power cut every owner's 报修 is
      // urgent, and those notices must not hold back the broadcast that tells everyone at once.
      assignee, storage::priority::reply);
  return t;
}

// Round robin: the on-duty staff member serving the category who waited longest.
void ticket_desk::dispatch(storage::ticket_row& t, std::optional<std::int64_t> exclude) {
  for (const auto& d : svc_.db.duty.candidates(t.community_id, t.category)) {
    if (exclude && d.member_id == *exclude) continue;
    auto m = svc_.db.members.get(d.member_id);
    if (!m || !bot::at_least(bot::member_role(svc_, *m, t.community_id), bot::role::staff)) continue;
    const std::string from = t.state;
    t.assignee_id = m->id;
    t.state = "assigned";
    svc_.db.tickets.update(t);
    svc_.db.tickets.add_event(
        {0, t.id, now(), std::nullopt, "", "dispatch", from, "assigned", m->display_name});
    svc_.db.duty.assigned(m->id, t.community_id, now());
    return;
  }
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
  const std::string from = t.state;
  const std::string to = row.to.empty() ? t.state : std::string(row.to);
  auto responded = [&] {
    if (!t.first_response_at) t.first_response_at = at;
  };
  std::string event(action_name(row.action));
  switch (row.action) {
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
      if (to == "closed") t.closed_at = at;
      break;
    case ticket_action::reopen: {
      // A new round: the fix is due again from now, and managers may be told again.
      t.resolved_at.reset();
      t.resolve_due_at = due_times(svc_.cfg, t.kind, t.category, t.priority, at).resolve_at;
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
  t.state = to;
  svc_.db.tickets.update(t);
  std::optional<std::int64_t> actor_id;
  if (who.member && who.member->id != 0) actor_id = who.member->id;
  std::string note = in.note;
  if (row.action == ticket_action::rate)  // the score belongs in the history too
    note = std::to_string(in.score.value_or(0)) + "/5" + (in.note.empty() ? "" : " " + in.note);
  const std::int64_t event_id = svc_.db.tickets.add_event(
      {0, t.id, at, actor_id, "", event, from != to ? from : "", from != to ? to : "", note});
  if (actor_id && bot::at_least(who.level, bot::role::staff) && !(parties(t, who) & party::reporter))
    svc_.db.audit.record(actor_id, "ticket." + event, ref_of(t), note, at);
  if (in.target) svc_.db.duty.assigned(in.target->id, t.community_id, at);
  if (row.action == ticket_action::take) svc_.db.duty.assigned(who.member->id, t.community_id, at);

  // Timers.
  const std::string ref = std::to_string(t.id);
  if (to == "resolved" && from != "resolved") {
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

  if (to == "closed" || to == "cancelled") {
    svc_.db.jobs.cancel(sla_job, ref, at);
    svc_.db.jobs.cancel(close_job, ref, at);
    // The way back to an anonymous writer is kept only while the ticket is open.
    if (t.anonymous) svc_.db.suggestions.forget_relay(t.id);
  }
  return event_id;
}

// Who hears about what. The reporter hears about every change someone else made; staff hear
// what they must act on; the actor gets the command's reply (not here).
void ticket_desk::notify(const storage::ticket_row& t, ticket_action a, const actor& who,
                         const act_input& in) {
  const bool by_reporter = who.member && t.reporter_id && *t.reporter_id == who.member->id;
  std::optional<storage::member_row> assignee;
  if (t.assignee_id) assignee = svc_.db.members.get(*t.assignee_id);
  auto fields = [&](bot::locale l, std::string_view id) {
    std::string staff = assignee ? assignee->display_name : svc_.t(l, "ticket.nobody");
    return svc_.t(l, id, fmt::arg("id", t.id), fmt::arg("staff", staff),
                  fmt::arg("note", redact_for_group(in.note, l)),
                  fmt::arg("days", svc_.cfg.tickets.auto_close_days), fmt::arg("where", where(t, l)),
                  fmt::arg("category", svc_.t(l, "category." + t.category)),
                  fmt::arg("who", who.member ? who.member->display_name : svc_.t(l, "ticket.system")),
                  fmt::arg("score", in.score.value_or(0)));
  };
  auto to_reporter = [&](std::string id) {
    if (t.anonymous && svc_.t.has(id + "_anonymous")) id += "_anonymous";
    tell_reporter(t, [&](bot::locale l) { return fields(l, id); });
  };

  switch (a) {
    case ticket_action::take:
    case ticket_action::start:
    case ticket_action::resolve:
    case ticket_action::give_back:
    case ticket_action::auto_close:
    case ticket_action::reply:
      to_reporter("ticket.notify." + std::string(action_name(a)));
      break;
    case ticket_action::assign:
    case ticket_action::transfer:
      to_reporter("ticket.notify." + std::string(action_name(a)));
      tell_staff(
          t, [&](bot::locale l) { return fields(l, "ticket.staff.assigned"); }, assignee);
      break;
    case ticket_action::reopen:
      if (!by_reporter) to_reporter("ticket.notify.reopen");
      tell_staff(
          t, [&](bot::locale l) { return fields(l, "ticket.staff.reopened"); }, assignee);
      break;
    case ticket_action::cancel:
      if (!by_reporter) to_reporter("ticket.notify.cancel");
      if (assignee)
        tell_staff(
            t, [&](bot::locale l) { return fields(l, "ticket.staff.cancelled"); }, assignee);
      break;
    case ticket_action::urge:
      tell_staff(
          t,
          [&](bot::locale l) {
            return fields(l, assignee ? "ticket.staff.urged" : "ticket.staff.urged_pool");
          },
          assignee);
      break;
    case ticket_action::rate:
      if (assignee)
        tell_staff(
            t, [&](bot::locale l) { return fields(l, "ticket.staff.rated"); }, assignee,
            storage::priority::notice);
      break;
    case ticket_action::escalate:
      break;  // check_sla writes the managers' message: it knows what is late
    case ticket_action::confirm:
    case ticket_action::visit:
      break;
  }
  if (a == ticket_action::give_back) {
    if (assignee)
      tell_staff(
          t, [&](bot::locale l) { return fields(l, "ticket.staff.assigned"); }, assignee);
    else
      tell_staff(
          t, [&](bot::locale l) { return fields(l, "ticket.staff.returned"); }, std::nullopt);
  }
}

// ---------------------------------------------------------------------------------------------
// Messages

bool ticket_desk::reporter_reachable(const storage::ticket_row& t) const {
  if (!t.anonymous) return t.reporter_id && t.origin_chat;
  auto sealed = svc_.db.suggestions.relay(t.id);
  return sealed && open_writer(svc_.cfg, *sealed, relay_purpose(t.id));
}

void ticket_desk::tell_reporter(const storage::ticket_row& t, const text_fn& text) {
  if (t.anonymous) {
    auto sealed = svc_.db.suggestions.relay(t.id);
    auto w = sealed ? open_writer(svc_.cfg, *sealed, relay_purpose(t.id)) : std::nullopt;
    if (!w) return;
    out_(w->chat, bot::outgoing::plain(text(bot::parse_locale(w->lang).value_or(default_locale()))),
         storage::priority::reply, std::string(storage::sealed_ref));
    return;
  }
  if (!t.reporter_id || !t.origin_chat) return;
  auto chat = svc_.db.chats.get(*t.origin_chat);
  auto member = svc_.db.members.get(*t.reporter_id);
  if (!chat || !member) return;
  bot::locale l = t.lang ? bot::parse_locale(*t.lang).value_or(default_locale()) : default_locale();
  if (chat->ref.is_group() && chat->active) {
    if (chat->lang) l = bot::parse_locale(*chat->lang).value_or(l);
    bot::outgoing o;
    o.text = text(l);
    o.mentions.push_back({member->user_id, member->display_name});
    out_(chat->ref, std::move(o), storage::priority::reply, ref_of(t));
    return;
  }
  bot::chat_ref direct{chat->ref.platform, chat->ref.account, bot::chat_kind::direct, member->user_id};
  out_(direct, bot::outgoing::plain(text(l)), storage::priority::reply, ref_of(t));
}

void ticket_desk::tell_staff(const storage::ticket_row& t, const text_fn& text,
                             const std::optional<storage::member_row>& who, storage::priority p) {
  auto groups = svc_.db.chats.groups_of(t.community_id, std::nullopt, "staff");
  for (const auto& g : groups) {
    bot::outgoing o;
    o.text = text(g.lang ? bot::parse_locale(*g.lang).value_or(default_locale()) : default_locale());
    if (who) o.mentions.push_back({who->user_id, who->display_name});
    out_(g.ref, std::move(o), p, ref_of(t));
  }
  if (!groups.empty()) return;
  if (who) {
    out_(svc_.db.chats.direct_chat_of(*who), bot::outgoing::plain(text(default_locale())), p, ref_of(t));
    return;
  }
  for (const auto& c : staff_without_group(svc_, t.community_id))
    out_(c.ref,
         bot::outgoing::plain(
             text(c.lang ? bot::parse_locale(*c.lang).value_or(default_locale()) : default_locale())),
         p, ref_of(t));
}

void ticket_desk::tell_managers(std::int64_t community_id, const std::string& ref, const text_fn& text) {
  auto groups = svc_.db.chats.groups_of(community_id, std::nullopt, "managers");
  if (groups.empty()) {
    bot::log::warn("tickets", "no managers' group in community {}: escalations go to the staff groups",
                   community_id);
    groups = svc_.db.chats.groups_of(community_id, std::nullopt, "staff");
  }
  for (const auto& g : groups)
    out_(g.ref,
         bot::outgoing::plain(
             text(g.lang ? bot::parse_locale(*g.lang).value_or(default_locale()) : default_locale())),
         storage::priority::reply, ref);
}

// ---------------------------------------------------------------------------------------------
// Timers

void ticket_desk::check_sla(std::int64_t ticket_id) {
  auto found = svc_.db.tickets.get(ticket_id);
  if (!found || !is_open(found->state)) return;
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
  const bot::local_time_zone tz{svc_.cfg.community.utc_offset_minutes};
  if (rows.size() > escalations_one_by_one) {
    std::string ids;
    for (std::size_t i = 0; i < rows.size() && i < escalations_listed; ++i)
      ids += (ids.empty() ? "#" : " #") + std::to_string(rows[i].second);
    if (rows.size() > escalations_listed) ids += " …";
    tell_managers(community_id, "tickets:overdue", [&](bot::locale l) {
      return svc_.t(l, "ticket.manager.escalated_many", fmt::arg("n", rows.size()), fmt::arg("ids", ids));
    });
    return;
  }
  for (const auto& [event, ticket_id] : rows) {
    auto found = svc_.db.tickets.get(ticket_id);
    if (!found || !is_open(found->state)) continue;
    const storage::ticket_row& t = *found;
    const bool response_late = !t.first_response_at && t.due_at && at >= *t.due_at;
    const std::int64_t due = response_late ? *t.due_at : t.resolve_due_at.value_or(at);
    tell_managers(t.community_id, ref_of(t), [&](bot::locale l) {
      std::string hint = t.assignee_id ? svc_.t(l, "ticket.hint.urge_assignee", fmt::arg("id", t.id))
                                       : svc_.t(l, "ticket.hint.assign", fmt::arg("id", t.id));
      return svc_.t(l, t.escalation > 1 ? "ticket.manager.escalated_again" : "ticket.manager.escalated",
                    fmt::arg("id", t.id), fmt::arg("where", where(t, l)),
                    fmt::arg("category", svc_.t(l, "category." + t.category)),
                    fmt::arg("priority", svc_.t(l, "priority." + t.priority)),
                    fmt::arg("state", svc_.t(l, "ticket.state." + t.state)),
                    fmt::arg("staff", name_of(t.assignee_id, l)),
                    fmt::arg("what", svc_.t(l, response_late ? "ticket.due.respond" : "ticket.due.resolve")),
                    fmt::arg("due", tz.format(due)), fmt::arg("late", duration_text(svc_.t, l, at - due)),
                    fmt::arg("hint", hint));
    });
  }
}

void ticket_desk::auto_close(std::int64_t ticket_id) {
  auto t = svc_.db.tickets.get(ticket_id);
  if (!t || t->state != "resolved" || !t->resolved_at) return;
  if (now() < *t->resolved_at + svc_.cfg.tickets.auto_close_days * day_ms) return;  // resolved again later
  auto v = check(ticket_action::auto_close, *t, party::system, facts(*t));
  if (v.allowed) apply(*t, *v.allowed, actor{}, {});
}

// ---------------------------------------------------------------------------------------------
// Commands

bot::failure refusal(const bot::context& ctx, const verdict& v, const storage::ticket_row& t,
                     ticket_action a) {
  std::string assignee = ctx.text("ticket.nobody");
  if (t.assignee_id)
    if (auto m = ctx.db().members.get(*t.assignee_id)) assignee = m->display_name;
  return ctx.fail(v.refusal, fmt::arg("id", t.id), fmt::arg("state", ctx.text("ticket.state." + t.state)),
                  fmt::arg("action", ctx.text("ticket.verb." + std::string(action_name(a)))),
                  fmt::arg("assignee", assignee),
                  fmt::arg("wait", duration_text(ctx.svc.t, ctx.lang, v.wait_ms)));
}

bot::command_result perform(bot::context& ctx, ticket_action a, std::int64_t ticket_id, const act_input& in) {
  auto t = ctx.db().tickets.get(ticket_id);
  if (!t) return ctx.fail("ticket.not_found", fmt::arg("id", ticket_id));
  ticket_desk desk = ticket_desk::of(ctx);
  const actor who = actor_of(ctx);
  const unsigned p = desk.parties(*t, who);
  if (!(p & (party::reporter | party::staff))) {
    // Staff of another community do not learn that the ticket exists; owners learn it is not theirs.
    if (bot::at_least(who.level, bot::role::staff))
      return ctx.fail("ticket.not_found", fmt::arg("id", ticket_id));
    return ctx.fail("ticket.not_yours", fmt::arg("id", ticket_id));
  }
  verdict v = check(a, *t, p, desk.facts(*t));
  if (!v.allowed) return refusal(ctx, v, *t, a);
  desk.apply(*t, *v.allowed, who, in);
  std::string staff = ctx.text("ticket.nobody");
  if (t->assignee_id)
    if (auto m = ctx.db().members.get(*t->assignee_id)) staff = m->display_name;
  ctx.reply(
      ctx.text("ticket.done." + std::string(action_name(a)), fmt::arg("id", t->id), fmt::arg("staff", staff),
               fmt::arg("score", in.score.value_or(0)),
               fmt::arg("result", in.visit_result.empty() ? std::string()
                                                          : ctx.text("ticket.visit." + in.visit_result))));
  return std::nullopt;
}

bool starts_with_ticket_id(const bot::args& a) {
  return !a.empty() && parse_ticket_id(a[0]).has_value();
}

}  // namespace commands
