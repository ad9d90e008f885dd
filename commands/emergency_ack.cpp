#include "commands/emergency_ack.hpp"

#include "bot/context.hpp"
#include "bot/role.hpp"
#include "commands/emergency_view.hpp"
#include "commands/record_id.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::broadcast::emergency_chatter;

namespace {

// 收到 [编号] — anything else after it ("收到，谢谢") is ignored.
bot::command_result ack(bot::context& ctx, const bot::args& a) {
  std::optional<std::int64_t> only = a.empty() ? std::nullopt : parse_record_id(a[0]);
  const auto acked =
      domain::broadcast::acknowledge(ctx.db(), ctx.in_group() ? std::optional(ctx.chat.id) : std::nullopt,
                                     ctx.who.member.id, only, ctx.now());
  // In a group only a prefix gets an answer: an @ alone is what QQ puts in front of any reply
  // quoting the alert, and a hundred thanks must not bury the emergency.
  const bool answer = !ctx.in_group() || a.prefixed;
  if (acked.emergencies.empty()) {
    if (!a.addressed) return ctx.usage();  // an ordinary "收到" in a group chat: stay quiet
    if (!answer) return std::nullopt;
    if (only) return ctx.fail("emergency.ack_not_open", fmt::arg("id", *only));
    return ctx.fail("emergency.ack_nothing");
  }
  if (!answer) return std::nullopt;  // recorded; no reply in the group
  std::vector<std::string> ids;
  for (auto emergency : acked.emergencies) ids.push_back("#" + std::to_string(emergency));
  ctx.reply(ctx.text(acked.first ? "emergency.acked" : "emergency.acked_again",
                     fmt::arg("ids", fmt::format("{}", fmt::join(ids, " ")))));
  return std::nullopt;
}

}  // namespace

emergency_chatter note_emergency_chatter(bot::context& ctx, std::string_view text) {
  if (!ctx.in_group() || ctx.chat.id == 0) return emergency_chatter::none;
  return domain::broadcast::note_chatter(ctx.db(), ctx.chat.id, ctx.who.member.id, text, ctx.now());
}

void point_at_emergency(bot::context& ctx) {
  // Staff know of the emergency and report with 报修 themselves: the pointer is for owners.
  if (bot::at_least(ctx.who.level, bot::role::staff)) return;
  auto open = ctx.db().emergencies.open_for_chat(ctx.chat.id);
  if (open.empty()) return;
  auto e = ctx.db().emergencies.get(open.back());  // the newest is what people are talking about
  if (!e) return;
  ctx.reply(ctx.text("emergency.pointer", fmt::arg("id", e->id),
                     fmt::arg("title", emergency_title(ctx.svc, ctx.lang, *e)),
                     fmt::arg("help", emergency_help_line(ctx.svc, ctx.lang))));
}

std::vector<bot::command_spec> emergency_ack_commands() {
  return {
      {
          .id = "emergency.ack",
          .zh = {"收到", "已收到"},
          .en = {"ack", "received"},
          .topic = "emergencies",
          .min_role = bot::role::resident,
          .where = bot::chat_rule::anywhere,
          .run = ack,
      },
  };
}

}  // namespace commands
