#include "commands/ticket_news.hpp"

#include "bot/config.hpp"
#include "bot/duration_text.hpp"
#include "bot/local_time.hpp"
#include "bot/utf8.hpp"
#include "commands/ticket_texts.hpp"
#include "commands/ticket_view.hpp"
#include "domain/privacy/redact.hpp"

namespace commands {
namespace {

using domain::privacy::redact_for_group;
using domain::tickets::change;
using domain::tickets::dispatch_mode;
using domain::tickets::staff_news;
constexpr std::size_t escalations_listed = 30;

std::string where(const bot::services& svc, const storage::ticket_row& t, bot::locale l) {
  std::string w = shown_location(t, false, l);
  return w.empty() ? svc.t(l, "ticket.no_location") : w;
}

// Every field a change's news may use; notes and display names are masked.
std::string ticket_change_text(const bot::services& svc, bot::locale l, std::string_view id,
                               const change& c) {
  const storage::ticket_row& t = c.ticket;
  auto shown = [&](std::string_view text) { return redact_for_group(text, l, svc.cfg); };
  std::string staff = c.assignee ? shown(c.assignee->display_name) : svc.t(l, "ticket.nobody");
  return svc.t(l, id, fmt::arg("id", t.id), fmt::arg("staff", staff), fmt::arg("note", shown(c.in.note)),
               fmt::arg("days", svc.cfg.tickets.auto_close_days), fmt::arg("where", where(svc, t, l)),
               fmt::arg("category", svc.t(l, text_id(t.category))),
               fmt::arg("who", c.who.member ? shown(c.who.member->display_name) : svc.t(l, "ticket.system")),
               fmt::arg("score", c.in.score.value_or(0)));
}

class texts_news : public domain::tickets::news {
 public:
  std::string opened(const bot::services& svc, bot::locale l, const storage::ticket_row& t,
                     const std::optional<storage::member_row>& assignee, dispatch_mode mode) const override {
    std::string hint = assignee ? svc.t(l, "ticket.hint.dispatched", fmt::arg("id", t.id))
                       : mode == dispatch_mode::manual ? svc.t(l, "ticket.hint.manual", fmt::arg("id", t.id))
                                                       : svc.t(l, "ticket.hint.grab", fmt::arg("id", t.id));
    const std::string description = redact_for_group(t.description, l, svc.cfg);
    return svc.t(l, "ticket.staff.new", fmt::arg("id", t.id),
                 fmt::arg("priority", svc.t(l, text_id(t.priority))),
                 fmt::arg("kind", svc.t(l, text_id(t.kind))), fmt::arg("where", where(svc, t, l)),
                 fmt::arg("category", svc.t(l, text_id(t.category))),
                 fmt::arg("description", bot::utf8::truncate(description, 60)), fmt::arg("hint", hint));
  }

  std::string to_reporter(const bot::services& svc, bot::locale l, const change& c) const override {
    const action_texts& texts = texts_of(c.action);
    const std::string_view id =
        c.ticket.anonymous && !texts.notify_anonymous.empty() ? texts.notify_anonymous : texts.notify;
    return ticket_change_text(svc, l, id, c);
  }

  std::string to_staff(const bot::services& svc, bot::locale l, staff_news what,
                       const change& c) const override {
    return ticket_change_text(svc, l, text_id(what), c);
  }

  std::string escalated(const bot::services& svc, bot::locale l, const storage::ticket_row& t,
                        bool response_late, std::int64_t due, std::int64_t now) const override {
    const bot::local_time_zone tz{svc.cfg.community.utc_offset_minutes};
    std::string hint = t.assignee_id ? svc.t(l, "ticket.hint.urge_assignee", fmt::arg("id", t.id))
                                     : svc.t(l, "ticket.hint.assign", fmt::arg("id", t.id));
    return svc.t(l, t.escalation > 1 ? "ticket.manager.escalated_again" : "ticket.manager.escalated",
                 fmt::arg("id", t.id), fmt::arg("where", where(svc, t, l)),
                 fmt::arg("category", svc.t(l, text_id(t.category))),
                 fmt::arg("priority", svc.t(l, text_id(t.priority))),
                 fmt::arg("state", svc.t(l, text_id(t.state))),
                 fmt::arg("staff", member_name(svc, l, t.assignee_id)),
                 fmt::arg("what", svc.t(l, response_late ? "ticket.due.respond" : "ticket.due.resolve")),
                 fmt::arg("due", tz.format(due)), fmt::arg("late", bot::duration_text(svc.t, l, now - due)),
                 fmt::arg("hint", hint));
  }

  std::string escalated_many(const bot::services& svc, bot::locale l,
                             const std::vector<std::int64_t>& ticket_ids) const override {
    std::string ids;
    for (std::size_t i = 0; i < ticket_ids.size() && i < escalations_listed; ++i)
      ids += (ids.empty() ? "#" : " #") + std::to_string(ticket_ids[i]);
    if (ticket_ids.size() > escalations_listed) ids += " …";
    return svc.t(l, "ticket.manager.escalated_many", fmt::arg("n", ticket_ids.size()), fmt::arg("ids", ids));
  }
};

}  // namespace

const domain::tickets::news& ticket_news() {
  static const texts_news words;
  return words;
}

domain::tickets::ticket_desk desk_of(bot::services& svc) {
  return domain::tickets::ticket_desk(svc, ticket_news());
}

}  // namespace commands
