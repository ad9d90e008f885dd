#include "commands/ticket_staff.hpp"

#include "bot/context.hpp"
#include "bot/utf8.hpp"
#include "commands/record_id.hpp"
#include "commands/staff_directory.hpp"
#include "commands/ticket_news.hpp"
#include "commands/ticket_perform.hpp"
#include "commands/ticket_view.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::tickets::act_input;
using domain::tickets::ticket_action;

namespace {

constexpr std::size_t max_staff_note_points = 300;
constexpr int todo_limit = 15;
constexpr int pool_shown = 5;

bot::command_result id_only(bot::context& ctx, const bot::args& a, ticket_action act) {
  if (a.size() != 1) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  return perform(ctx, act, *id);
}

bot::command_result id_and_note(bot::context& ctx, const bot::args& a, ticket_action act) {
  if (a.size() < 2) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  act_input in;
  in.note = a.rest(1);
  if (bot::utf8::length(in.note) > max_staff_note_points)
    return ctx.fail("ticket.note_too_long", fmt::arg("max", max_staff_note_points));
  return perform(ctx, act, *id, in);
}

// 派单 12 @王师傅 / 转单 12 @李师傅 [原因]
bot::command_result hand_over(bot::context& ctx, const bot::args& a, ticket_action act) {
  if (a.size() < 2) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  auto who = find_colleague(ctx.svc, ctx.msg, a, 1, ctx.community());
  if (who.name.empty()) {  // "转单 12 @": the ticket number says it is meant for the bot
    bot::failure f = ctx.usage();
    f.usage = false;
    return f;
  }
  const auto& found = who.match;
  if (!found.member) return ctx.fail(found.refusal, fmt::arg("name", who.name), fmt::arg("n", found.count));
  const std::string& name = found.member->display_name.empty() ? who.name : found.member->display_name;
  auto t = ctx.db().tickets.get(*id);
  if (t && t->assignee_id == found.member->id)
    return ctx.fail("ticket.flow.same_assignee", fmt::arg("id", *id), fmt::arg("name", name));
  act_input in;
  in.target = found.member;
  std::string reason = a.rest(who.next);
  if (bot::utf8::length(reason) > max_staff_note_points)
    return ctx.fail("ticket.note_too_long", fmt::arg("max", max_staff_note_points));
  in.note = reason.empty() ? name : name + " · " + reason;
  return perform(ctx, act, *id, in);
}

// 回复 12 感谢建议，下月安装: answers the reporter; for anonymous writers through the seal.
bot::command_result reply(bot::context& ctx, const bot::args& a) {
  if (a.size() < 2) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  // A writer whose seal no longer opens (another key since a restart) would get nothing: say so
  // instead of pretending the reply went out. Closed tickets are refused by the state machine.
  auto t = ctx.db().tickets.get(*id);
  if (t && t->anonymous && t->community_id == ctx.community() && !domain::is_finished(t->state) &&
      !desk_of(ctx.svc).reporter_reachable(*t))
    return ctx.fail("cmd.ticket.reply.unreachable", fmt::arg("id", *id));
  return id_and_note(ctx, a, ticket_action::reply);
}

// 回访 12 满意 已电话回访
bot::command_result visit(bot::context& ctx, const bot::args& a) {
  if (a.size() < 2) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  act_input in;
  const std::string& r = a[1];
  if (r == "满意" || r == "satisfied" || r == "good")
    in.visit_result = domain::visit_result::satisfied;
  else if (r == "不满意" || r == "unsatisfied" || r == "bad")
    in.visit_result = domain::visit_result::unsatisfied;
  else
    return ctx.usage();
  in.note = a.rest(2);
  if (bot::utf8::length(in.note) > max_staff_note_points)
    return ctx.fail("ticket.note_too_long", fmt::arg("max", max_staff_note_points));
  return perform(ctx, ticket_action::visit, *id, in);
}

// 待办: my open tickets, the most pressing first, and how many wait in the pool.
bot::command_result todo(bot::context& ctx, const bot::args& a) {
  if (!a.empty()) return ctx.usage();
  auto mine = ctx.db().tickets.open_for_assignee(ctx.who.member.id, ctx.community(), todo_limit);
  std::string out = mine.empty() ? ctx.text("cmd.ticket.todo.none")
                                 : ctx.text("cmd.ticket.todo.head", fmt::arg("n", mine.size()));
  const bool full_location = !ctx.in_group() || staff_view_goes_private(ctx);
  for (const auto& t : mine) out += "\n" + ticket_work_line(ctx, t, full_location);
  auto pool = ctx.db().tickets.pool(ctx.community(), pool_shown);
  if (!pool.empty()) {
    std::string ids;
    for (const auto& t : pool) ids += (ids.empty() ? "#" : " #") + std::to_string(t.id);
    storage::ticket_filter f;
    f.community_id = ctx.community();
    f.states = {domain::ticket_state::new_};
    out += "\n" + ctx.text("cmd.ticket.todo.pool", fmt::arg("n", ctx.db().tickets.count(f)),
                           fmt::arg("ids", ids), fmt::arg("id", pool.front().id));
  }
  reply_staff_view(ctx, out);
  return std::nullopt;
}

bool no_args(const bot::args& a) {
  return a.empty();
}

bot::command_handler staff_action(ticket_action act) {
  return [act](bot::context& ctx, const bot::args& a) { return id_only(ctx, a, act); };
}
bot::command_handler noted(ticket_action act) {
  return [act](bot::context& ctx, const bot::args& a) { return id_and_note(ctx, a, act); };
}
bot::command_handler handed(ticket_action act) {
  return [act](bot::context& ctx, const bot::args& a) { return hand_over(ctx, a, act); };
}

using bot::chat_rule;
using bot::role;

// What any staff member does with a ticket.
std::vector<bot::command_spec> worker_commands() {
  return {
      {
          .id = "ticket.take",
          .zh = {"接单", "抢单"},
          .en = {"take"},
          .topic = "staff",
          .min_role = role::staff,
          .where = chat_rule::anywhere,
          .run = staff_action(ticket_action::take),
          .bare_match = starts_with_ticket_id,
      },
      {
          .id = "ticket.start",
          .zh = {"处理", "开始处理"},
          .en = {"start"},
          .topic = "staff",
          .min_role = role::staff,
          .where = chat_rule::anywhere,
          .run = staff_action(ticket_action::start),
          .bare_match = starts_with_ticket_id,
      },
      {
          .id = "ticket.resolve",
          .zh = {"完成", "完工"},
          .en = {"done", "resolve"},
          .topic = "staff",
          .min_role = role::staff,
          .where = chat_rule::anywhere,
          .run = noted(ticket_action::resolve),
          .bare_match = starts_with_ticket_id,
      },
      {
          .id = "ticket.transfer",
          .zh = {"转单"},
          .en = {"transfer"},
          .topic = "staff",
          .min_role = role::staff,
          .where = chat_rule::anywhere,
          .run = handed(ticket_action::transfer),
          .bare_match = starts_with_ticket_id,
      },
      {
          .id = "ticket.give_back",
          .zh = {"退单"},
          .en = {"giveback", "give back"},
          .topic = "staff",
          .min_role = role::staff,
          .where = chat_rule::anywhere,
          .run = noted(ticket_action::give_back),
          .bare_match = starts_with_ticket_id,
      },
      {
          .id = "ticket.reply",
          .zh = {"回复"},
          .en = {"reply"},
          .topic = "staff",
          .min_role = role::staff,
          .where = chat_rule::anywhere,
          .run = reply,
          .bare_match = starts_with_ticket_id,
      },
      {
          .id = "ticket.todo",
          .zh = {"待办", "我的待办"},
          .en = {"todo"},
          .topic = "staff",
          .min_role = role::staff,
          .where = chat_rule::anywhere,
          .run = todo,
          .bare_match = no_args,
      },
  };
}

// What only managers do.
std::vector<bot::command_spec> manager_commands() {
  return {
      {
          .id = "ticket.assign",
          .zh = {"派单"},
          .en = {"assign"},
          .topic = "staff",
          .min_role = role::manager,
          .where = chat_rule::anywhere,
          .run = handed(ticket_action::assign),
          .bare_match = starts_with_ticket_id,
      },
      {
          .id = "ticket.visit",
          .zh = {"回访"},
          .en = {"visit"},
          .topic = "staff",
          .min_role = role::manager,
          .where = chat_rule::anywhere,
          .run = visit,
          .bare_match = starts_with_ticket_id,
      },
  };
}

}  // namespace

std::vector<bot::command_spec> ticket_staff_commands() {
  auto specs = worker_commands();
  for (auto& spec : manager_commands()) specs.push_back(std::move(spec));
  return specs;
}

}  // namespace commands
