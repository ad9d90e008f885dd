#include "commands/repair.hpp"

#include "bot/context.hpp"
#include "bot/local_time.hpp"
#include "bot/utf8.hpp"
#include "commands/ticket_category.hpp"
#include "commands/ticket_view.hpp"
#include "commands/unit_address.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

constexpr std::size_t max_description_points = 500;

bot::command_result report(bot::context& ctx, const bot::args& a) {
  if (a.empty()) return ctx.usage();
  storage::ticket_row t;
  std::optional<unit_address> where = parse_unit_address(a[0]);
  std::string description = where ? a.rest(1) : a.rest(0);
  if (description.empty()) return ctx.usage();
  if (bot::utf8::length(description) > max_description_points)
    return ctx.fail("cmd.repair.report.too_long", fmt::arg("max", max_description_points));

  if (!where && ctx.who.units.size() == 1) {  // a bound owner need not type the room every time
    const auto& u = ctx.who.units.front();
    where = unit_address{u.building, u.unit, u.room};
  }
  t.community_id = ctx.community();
  t.kind = "repair";
  t.category = guess_category(description);
  t.priority = guess_priority(t.category, description);
  t.state = "new";
  t.description = description;
  if (where) {
    t.location = where->canonical();
    t.building = where->building;
    if (where->has_room())
      if (auto u = ctx.db().units.find(ctx.community(), where->building, where->unit, where->room)) t.unit_id = u->id;
  }
  t.reporter_id = ctx.who.member.id;
  t.origin_chat = ctx.chat.id;
  t.origin_message_id = ctx.msg.id;
  t.created_at = ctx.now();
  t.due_at = t.created_at + response_sla_ms(t.priority);
  t.id = ctx.db().tickets.create(t);
  ctx.db().tickets.add_event({0, t.id, t.created_at, ctx.who.member.id, "", "created", "", "new", ""});
  for (const auto& img : ctx.msg.images) ctx.db().tickets.add_image(t.id, img.reference, t.created_at);

  auto sla = bot::round_duration(response_sla_ms(t.priority));
  ctx.reply(ctx.text("cmd.repair.report.done", fmt::arg("id", t.id),
                     fmt::arg("category", ctx.text("category." + t.category)),
                     fmt::arg("priority", ctx.text("priority." + t.priority)),
                     fmt::arg("sla", ctx.text(std::string("duration.") + sla.unit, fmt::arg("n", sla.value)))));

  // Staff groups hear about it at once; the room number stays out of every group.
  std::string staff_note = ctx.text("cmd.repair.report.staff_notice", fmt::arg("id", t.id),
                                    fmt::arg("priority", ctx.text("priority." + t.priority)),
                                    fmt::arg("where", where ? where->masked() : ctx.text("ticket.no_location")),
                                    fmt::arg("category", ctx.text("category." + t.category)),
                                    fmt::arg("description", bot::utf8::truncate(description, 60)));
  for (const auto& g : ctx.db().chats.groups_of(ctx.community(), std::nullopt, "staff"))
    ctx.send(g.ref, bot::outgoing::plain(staff_note),
             t.priority == "urgent" ? storage::priority::emergency : storage::priority::reply,
             "ticket:" + std::to_string(t.id));
  return std::nullopt;
}

}  // namespace

std::vector<bot::command_spec> repair_commands() {
  return {
      {"repair.report", {"报修", "维修"}, {"repair", "report"}, "tickets", bot::role::resident, bot::chat_rule::anywhere,
       true, report},
  };
}

}  // namespace commands
