#include "commands/ticket_perform.hpp"

#include "bot/context.hpp"
#include "bot/duration_text.hpp"
#include "commands/record_id.hpp"
#include "commands/ticket_news.hpp"
#include "commands/ticket_texts.hpp"
#include "domain/privacy/redact.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

using domain::privacy::redact_for_group;
using domain::tickets::act_input;
using domain::tickets::party;
using domain::tickets::ticket_action;

// The assignee as the command's reply names them (masked in a group, as any display name).
std::string assignee_name(const bot::context& ctx, const storage::ticket_row& t) {
  if (t.assignee_id)
    if (auto m = ctx.db().members.get(*t.assignee_id))
      return ctx.in_group() ? redact_for_group(m->display_name, ctx.lang, ctx.svc.cfg) : m->display_name;
  return ctx.text("ticket.nobody");
}

// Staff learn privately when what they wrote reached a group masked, so that nobody wonders why
// the owner never called the number in the note.
void tell_if_masked(bot::context& ctx, const std::string& note) {
  if (note.empty() || !bot::at_least(ctx.who.level, bot::role::staff)) return;
  const std::string masked = redact_for_group(note, ctx.lang, ctx.svc.cfg);
  if (masked != note) ctx.reply_private(ctx.text("privacy.note_masked", fmt::arg("note", masked)));
}

}  // namespace

domain::tickets::actor actor_of(const bot::context& ctx) {
  domain::tickets::actor a;
  a.member = ctx.who.member;
  a.level = ctx.who.level;
  a.community_id = ctx.community();
  return a;
}

bot::failure refusal(const bot::context& ctx, const domain::tickets::verdict& v, const storage::ticket_row& t,
                     ticket_action a) {
  return ctx.fail(v.refusal, fmt::arg("id", t.id), fmt::arg("state", ctx.text(text_id(t.state))),
                  fmt::arg("action", ctx.text(texts_of(a).verb)), fmt::arg("assignee", assignee_name(ctx, t)),
                  fmt::arg("wait", bot::duration_text(ctx.svc.t, ctx.lang, v.wait_ms)));
}

bot::command_result perform(bot::context& ctx, ticket_action a, std::int64_t ticket_id, const act_input& in) {
  auto t = ctx.db().tickets.get(ticket_id);
  if (!t) return ctx.fail("ticket.not_found", fmt::arg("id", ticket_id));
  auto desk = desk_of(ctx.svc);
  const auto who = actor_of(ctx);
  const unsigned p = desk.parties(*t, who);
  if (!(p & (party::reporter | party::staff))) {
    // Staff of another community do not learn that the ticket exists; owners learn it is not theirs.
    if (bot::at_least(who.level, bot::role::staff))
      return ctx.fail("ticket.not_found", fmt::arg("id", ticket_id));
    return ctx.fail("ticket.not_yours", fmt::arg("id", ticket_id));
  }
  const auto v = domain::tickets::check(a, *t, p, desk.facts(*t));
  if (!v.allowed) return refusal(ctx, v, *t, a);
  desk.apply(*t, *v.allowed, who, in);
  const action_texts& texts = texts_of(a);
  // No owner to confirm an anonymous writer's ticket.
  const std::string_view done =
      t->anonymous && !texts.done_anonymous.empty() ? texts.done_anonymous : texts.done;
  const auto& visit = in.visit_result;
  ctx.reply(ctx.text(done, fmt::arg("id", t->id), fmt::arg("staff", assignee_name(ctx, *t)),
                     fmt::arg("score", in.score.value_or(0)),
                     fmt::arg("result", visit ? ctx.text(visit_text_id(*visit)) : std::string())));
  tell_if_masked(ctx, in.note);
  return std::nullopt;
}

bool starts_with_ticket_id(const bot::args& a) {
  return !a.empty() && parse_record_id(a[0]).has_value();
}

}  // namespace commands
