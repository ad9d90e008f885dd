#include "commands/ticket_query.hpp"

#include "bot/context.hpp"
#include "commands/record_id.hpp"
#include "commands/ticket_view.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

constexpr int my_tickets_limit = 10;

bot::command_result mine(bot::context& ctx, const bot::args&) {
  auto tickets = ctx.db().tickets.by_reporter(ctx.who.member.id, my_tickets_limit);
  if (tickets.empty()) {
    ctx.reply(ctx.text("cmd.ticket.mine.none"));
    return std::nullopt;
  }
  std::int64_t total = ctx.db().tickets.count_by_reporter(ctx.who.member.id);
  std::string out = ctx.text("cmd.ticket.mine.head", fmt::arg("n", total));
  for (const auto& t : tickets) out += "\n" + ticket_line(ctx, t);
  if (total > my_tickets_limit)
    out += "\n" + ctx.text("cmd.ticket.mine.more", fmt::arg("n", my_tickets_limit));
  out += "\n" + ctx.text("cmd.ticket.mine.hint");
  ctx.reply(out);
  return std::nullopt;
}

bot::command_result show_ticket(bot::context& ctx, const bot::args& a) {
  if (a.size() != 1) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  auto t = ctx.db().tickets.get(*id);
  const bool staff = ctx.is_staff();
  const bool reporter = t && t->reporter_id && *t->reporter_id == ctx.who.member.id;
  if (!t || (staff && t->community_id != ctx.community() && ctx.who.level != bot::role::admin))
    return ctx.fail("ticket.not_found", fmt::arg("id", *id));
  if (!staff && !reporter) return ctx.fail("ticket.not_yours", fmt::arg("id", *id));
  if (staff) {  // with staff-internal notes: never into an owners' group
    const bool full_location = !ctx.in_group() || staff_view_goes_private(ctx);
    reply_staff_view(ctx, ticket_detail(ctx, *t, ctx.db().tickets.events(*id), full_location, true));
    return std::nullopt;
  }
  ctx.reply(ticket_detail(ctx, *t, ctx.db().tickets.events(*id), !ctx.in_group(), false));
  return std::nullopt;
}

}  // namespace

std::vector<bot::command_spec> ticket_query_commands() {
  return {
      {
          .id = "ticket.mine",
          .zh = {"我的工单", "我的报修"},
          .en = {"mytickets", "my tickets"},
          .topic = "tickets",
          .min_role = bot::role::resident,
          .where = bot::chat_rule::anywhere,
          .run = mine,
      },
      {
          .id = "ticket.show",
          .zh = {"工单", "查工单"},
          .en = {"ticket"},
          .topic = "tickets",
          .min_role = bot::role::resident,
          .where = bot::chat_rule::anywhere,
          .run = show_ticket,
          .bare_match = [](const bot::args& a) { return a.size() == 1 && parse_record_id(a[0]); },
      },
  };
}

}  // namespace commands
