#include "commands/ticket_owner.hpp"

#include "bot/context.hpp"
#include "bot/utf8.hpp"
#include "commands/record_id.hpp"
#include "commands/ticket_perform.hpp"

namespace commands {

using domain::tickets::act_input;
using domain::tickets::ticket_action;

namespace {

constexpr std::size_t max_owner_note_points = 200;

// "12" alone.
bot::command_result owner_action(bot::context& ctx, const bot::args& a, ticket_action act) {
  if (a.size() != 1) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  return perform(ctx, act, *id);
}

// "12 <reason>"; the reason may be required.
bot::command_result with_note(bot::context& ctx, const bot::args& a, ticket_action act, bool required) {
  if (a.empty()) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  act_input in;
  in.note = a.rest(1);
  if (required && in.note.empty()) return ctx.usage();
  if (bot::utf8::length(in.note) > max_owner_note_points)
    return ctx.fail("ticket.note_too_long", fmt::arg("max", max_owner_note_points));
  return perform(ctx, act, *id, in);
}

// "5", "5分", "5星", "五星".
std::optional<int> parse_score(std::string word) {
  for (std::string_view suffix : {"分", "星"})
    if (word.size() > suffix.size() && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0)
      word.resize(word.size() - suffix.size());
  static const char* chinese[] = {"一", "二", "三", "四", "五"};
  for (int i = 0; i < 5; ++i)
    if (word == chinese[i]) return i + 1;
  if (word.size() == 1 && word[0] >= '1' && word[0] <= '5') return word[0] - '0';
  return std::nullopt;
}

bot::command_result rate(bot::context& ctx, const bot::args& a) {
  if (a.size() < 2) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  auto score = parse_score(a[1]);
  if (!score) return ctx.fail("cmd.ticket.rate.bad_score");
  act_input in;
  in.score = score;
  in.note = a.rest(2);
  if (bot::utf8::length(in.note) > max_owner_note_points)
    return ctx.fail("ticket.note_too_long", fmt::arg("max", max_owner_note_points));
  return perform(ctx, ticket_action::rate, *id, in);
}

}  // namespace

std::vector<bot::command_spec> ticket_owner_commands() {
  using bot::chat_rule;
  using bot::role;
  return {
      {
          .id = "ticket.urge",
          .zh = {"催单", "催办"},
          .en = {"urge"},
          .topic = "tickets",
          .min_role = role::resident,
          .where = chat_rule::anywhere,
          .run = [](bot::context& ctx,
                    const bot::args& a) { return owner_action(ctx, a, ticket_action::urge); },
          .bare_match = starts_with_ticket_id,
      },
      {
          .id = "ticket.confirm",
          .zh = {"确认", "确认完成"},
          .en = {"confirm"},
          .topic = "tickets",
          .min_role = role::resident,
          .where = chat_rule::anywhere,
          .run = [](bot::context& ctx,
                    const bot::args& a) { return owner_action(ctx, a, ticket_action::confirm); },
          .bare_match = starts_with_ticket_id,
      },
      {
          .id = "ticket.reopen",
          .zh = {"重开", "没修好"},
          .en = {"reopen"},
          .topic = "tickets",
          .min_role = role::resident,
          .where = chat_rule::anywhere,
          .run = [](bot::context& ctx,
                    const bot::args& a) { return with_note(ctx, a, ticket_action::reopen, true); },
          .bare_match = starts_with_ticket_id,
      },
      {
          .id = "ticket.rate",
          .zh = {"评价", "打分"},
          .en = {"rate"},
          .topic = "tickets",
          .min_role = role::resident,
          .where = chat_rule::anywhere,
          .run = rate,
          .bare_match = starts_with_ticket_id,
      },
      {
          .id = "ticket.cancel",
          .zh = {"取消工单", "撤单"},
          .en = {"cancel ticket", "withdraw"},
          .topic = "tickets",
          .min_role = role::resident,
          .where = chat_rule::anywhere,
          .run = [](bot::context& ctx,
                    const bot::args& a) { return with_note(ctx, a, ticket_action::cancel, false); },
          .bare_match = starts_with_ticket_id,
      },
  };
}

}  // namespace commands
