// Who is told what when a ticket changes: the reporter (in the group they wrote in, privately, or
// through the seal of the suggestion box), staff, and managers. Part of the ticket desk; the
// wording is the desk's `news`.
#include "domain/tickets/desk.hpp"

#include "bot/config.hpp"
#include "bot/log.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "domain/privacy/redact.hpp"
#include "domain/suggestions/seal.hpp"
#include "domain/tickets/desk_parts.hpp"
#include "domain/tickets/staff_reach.hpp"
#include "storage/stores.hpp"

namespace domain::tickets {

using broadcast::group_locale;
using desk::ticket_ref;
using privacy::redact_for_group;
using suggestions::open_writer;
using suggestions::relay_purpose;

bot::locale ticket_desk::default_locale() const {
  return bot::parse_locale(svc_.cfg.community.lang).value_or(bot::locale::zh_CN);
}

// Who hears about what. The reporter hears about every change someone else made; staff hear
// what they must act on; the actor gets the command's reply (not here).
void ticket_desk::notify(const storage::ticket_row& t, ticket_action a, const actor& who,
                         const act_input& in) {
  const bool by_reporter = who.member && t.reporter_id && *t.reporter_id == who.member->id;
  std::optional<storage::member_row> assignee;
  if (t.assignee_id) assignee = svc_.db.members.get(*t.assignee_id);
  const change c{t, a, who, in, assignee};
  auto to_reporter = [&] { tell_reporter(t, [&](bot::locale l) { return news_.to_reporter(svc_, l, c); }); };
  auto for_staff = [&](staff_news what) {
    return [&, what](bot::locale l) { return news_.to_staff(svc_, l, what, c); };
  };

  switch (a) {
    case ticket_action::take:
    case ticket_action::start:
    case ticket_action::resolve:
    case ticket_action::give_back:
    case ticket_action::auto_close:
    case ticket_action::reply:
      to_reporter();
      break;
    case ticket_action::assign:
    case ticket_action::transfer:
      to_reporter();
      tell_staff(t, for_staff(staff_news::assigned), assignee);
      break;
    case ticket_action::reopen:
      if (!by_reporter) to_reporter();
      tell_staff(t, for_staff(staff_news::reopened), assignee);
      break;
    case ticket_action::cancel:
      if (!by_reporter) to_reporter();
      if (assignee) tell_staff(t, for_staff(staff_news::cancelled), assignee);
      break;
    case ticket_action::urge:
      tell_staff(t, for_staff(assignee ? staff_news::urged : staff_news::urged_pool), assignee);
      break;
    case ticket_action::rate:
      if (assignee) tell_staff(t, for_staff(staff_news::rated), assignee, storage::priority::notice);
      break;
    case ticket_action::escalate:
      break;  // check_sla writes the managers' message: it knows what is late
    case ticket_action::confirm:
    case ticket_action::visit:
      break;
  }
  if (a == ticket_action::give_back) {
    if (assignee)
      tell_staff(t, for_staff(staff_news::assigned), assignee);
    else
      tell_staff(t, for_staff(staff_news::returned), std::nullopt);
  }
}

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
    send_sealed(w->chat, bot::outgoing::plain(text(bot::parse_locale(w->lang).value_or(default_locale()))),
                storage::priority::reply);
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
    o.mentions.push_back({member->user_id, redact_for_group(member->display_name, l, svc_.cfg)});
    send(chat->ref, std::move(o), storage::priority::reply, ticket_ref(t));
    return;
  }
  bot::chat_ref direct{chat->ref.platform, chat->ref.account, bot::chat_kind::direct, member->user_id};
  send(direct, bot::outgoing::plain(text(l)), storage::priority::reply, ticket_ref(t));
}

void ticket_desk::tell_staff(const storage::ticket_row& t, const text_fn& text,
                             const std::optional<storage::member_row>& who, storage::priority p) {
  auto groups = svc_.db.chats.groups_of(t.community_id, std::nullopt, "staff");
  for (const auto& g : groups) {
    bot::outgoing o;
    const bot::locale l = group_locale(svc_, g);
    o.text = text(l);
    if (who) o.mentions.push_back({who->user_id, redact_for_group(who->display_name, l, svc_.cfg)});
    send_news(g.ref, std::move(o), p, ticket_ref(t));
  }
  if (!groups.empty()) return;
  if (who) {
    send_news(svc_.db.chats.direct_chat_of(*who), bot::outgoing::plain(text(default_locale())), p,
              ticket_ref(t));
    return;
  }
  for (const auto& c : staff_without_group(svc_, t.community_id))
    send_news(c.ref, bot::outgoing::plain(text(group_locale(svc_, c))), p, ticket_ref(t));
}

void ticket_desk::tell_managers(std::int64_t community_id, const std::string& ref, const text_fn& text) {
  auto groups = svc_.db.chats.groups_of(community_id, std::nullopt, "managers");
  if (groups.empty()) {
    bot::log::warn("tickets", "no managers' group in community {}: escalations go to the staff groups",
                   community_id);
    groups = svc_.db.chats.groups_of(community_id, std::nullopt, "staff");
  }
  for (const auto& g : groups)
    send_news(g.ref, bot::outgoing::plain(text(group_locale(svc_, g))), storage::priority::reply, ref);
}

}  // namespace domain::tickets
