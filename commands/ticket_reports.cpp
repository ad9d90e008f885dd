#include "commands/ticket_reports.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/context.hpp"
#include "commands/broadcast.hpp"
#include "commands/category_names.hpp"
#include "commands/ticket_texts.hpp"
#include "commands/ticket_view.hpp"
#include "domain/units/address.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::units::parse_building;

namespace {

constexpr int ticket_list_limit = 20;

using domain::ticket_kind;
using domain::ticket_state;

std::vector<ticket_state> open_states() {
  return {domain::open_ticket_states.begin(), domain::open_ticket_states.end()};
}

std::optional<std::vector<ticket_state>> parse_states(std::string_view w) {
  using v = std::vector<ticket_state>;
  if (w == "待处理" || w == "未完成" || w == "open") return open_states();
  if (w == "待受理" || w == "待接单") return v{ticket_state::new_};
  if (w == "已派单") return v{ticket_state::assigned};
  if (w == "处理中") return v{ticket_state::in_progress};
  if (w == "已完成") return v{ticket_state::resolved};
  if (w == "已关闭") return v{ticket_state::closed};
  if (w == "已取消") return v{ticket_state::cancelled};
  if (w == "全部" || w == "all") return v{};
  if (auto s = domain::parse_ticket_state(w)) return v{*s};  // "new", "in_progress", ...
  return std::nullopt;
}

std::optional<ticket_kind> parse_kind(std::string_view w) {
  if (w == "报修" || w == "repairs") return ticket_kind::repair;
  if (w == "投诉" || w == "complaints") return ticket_kind::complaint;
  if (w == "建议" || w == "suggestions") return ticket_kind::suggestion;
  return domain::parse_ticket_kind(w);  // "repair", "complaint", "suggestion"
}

// In private (also when an owners' group's request is answered privately) staff see the room.
bool full_location(const bot::context& ctx) {
  return !ctx.in_group() || staff_view_goes_private(ctx);
}

// 工单列表 待处理 3栋 水电
bot::command_result list_tickets(bot::context& ctx, const bot::args& a) {
  storage::ticket_filter f;
  f.community_id = ctx.community();
  f.states = open_states();
  f.limit = ticket_list_limit;
  for (std::size_t i = 0; i < a.size();) {
    if (auto w = read_scope_building(a, i)) {  // "3栋", "bldg 3": moves i past it
      f.building = *w;
      continue;
    }
    const bot::token& tok = a.tokens[i++];
    if (auto s = parse_states(tok.text))
      f.states = *s;
    else if (auto k = parse_kind(tok.text))
      f.kind = *k;
    else if (auto c = category_from_name(tok.text))
      f.category = *c;
    else if (auto b = parse_building(tok.text))
      f.building = *b;
    else
      return ctx.fail("cmd.ticket.list.unknown_filter", fmt::arg("word", tok.text));
  }
  auto rows = ctx.db().tickets.list(f);
  if (rows.empty()) {
    reply_staff_view(ctx, ctx.text("cmd.ticket.list.none"));
    return std::nullopt;
  }
  std::int64_t total = ctx.db().tickets.count(f);
  std::string out = ctx.text("cmd.ticket.list.head", fmt::arg("n", total));
  for (const auto& t : rows) out += "\n" + ticket_work_line(ctx, t, full_location(ctx));
  if (total > ticket_list_limit)
    out += "\n" + ctx.text("cmd.ticket.list.more", fmt::arg("n", ticket_list_limit));
  reply_staff_view(ctx, out);
  return std::nullopt;
}

bot::command_result overdue(bot::context& ctx, const bot::args& a) {
  if (!a.empty()) return ctx.usage();
  auto rows = ctx.db().tickets.overdue(ctx.community(), ctx.now(), ticket_list_limit);
  if (rows.empty()) {
    reply_staff_view(ctx, ctx.text("cmd.ticket.overdue.none"));
    return std::nullopt;
  }
  std::string out = ctx.text("cmd.ticket.overdue.head", fmt::arg("n", rows.size()));
  for (const auto& t : rows) out += "\n" + ticket_work_line(ctx, t, full_location(ctx));
  out += "\n" + ctx.text("cmd.ticket.overdue.hint");
  reply_staff_view(ctx, out);
  return std::nullopt;
}

bool filters_only(const bot::args& a) {
  for (const auto& t : a.tokens)
    if (!parse_states(t.text) && !parse_kind(t.text) && !category_from_name(t.text) &&
        !parse_building(t.text))
      return false;
  return true;
}

}  // namespace

std::vector<bot::command_spec> ticket_report_commands() {
  using bot::chat_rule;
  using bot::role;
  return {
      {
          .id = "ticket.list",
          .zh = {"工单列表"},
          .en = {"tickets"},
          .topic = "staff",
          .min_role = role::manager,
          .where = chat_rule::anywhere,
          .run = list_tickets,
          .bare_match = filters_only,
      },
      {
          .id = "ticket.overdue",
          .zh = {"逾期工单", "超时工单"},
          .en = {"overdue"},
          .topic = "staff",
          .min_role = role::manager,
          .where = chat_rule::anywhere,
          .run = overdue,
          .bare_match = [](const bot::args& a) { return a.empty(); },
      },
  };
}

}  // namespace commands
