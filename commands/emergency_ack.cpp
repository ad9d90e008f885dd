#include "commands/emergency_ack.hpp"

#include <algorithm>

#include "bot/context.hpp"
#include "bot/role.hpp"
#include "bot/utf8.hpp"
#include "commands/broadcast.hpp"
#include "commands/emergency_view.hpp"
#include "commands/record_id.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

constexpr std::size_t max_ack_points = 12;  // "好的收到，谢谢物业" — longer is a conversation

// How people say "got it" in a group without the bot's word for it.
bool reads_like_ack(std::string_view raw) {
  std::string text = bot::utf8::to_lower_ascii(bot::utf8::trim(raw));
  if (text.empty() || bot::utf8::length(text) > max_ack_points) return false;
  if (bot::utf8::contains_any(
          text, {"没收到", "未收到", "没有收到", "不知道", "不明白", "没明白", "吗", "?", "\uFF1F"}))
    return false;  // "没收到通知", "收到了吗？" are not acknowledgements
  return bot::utf8::contains_any(text, {"收到", "已阅", "知道了", "明白", "got it", "noted", "received"});
}

// 收到 [编号] — anything else after it ("收到，谢谢") is ignored.
bot::command_result ack(bot::context& ctx, const bot::args& a) {
  auto& db = ctx.db().emergencies;
  std::optional<std::int64_t> only = a.empty() ? std::nullopt : parse_record_id(a[0]);
  std::vector<std::pair<std::int64_t, std::int64_t>> open;  // (emergency, chat it counts in)
  if (ctx.in_group()) {
    for (auto id : db.open_for_chat(ctx.chat.id)) open.emplace_back(id, ctx.chat.id);
  } else {
    open = db.open_for_member(ctx.who.member.id);
  }
  if (only) std::erase_if(open, [&](const auto& p) { return p.first != *only; });
  // In a group only a prefix gets an answer: an @ alone is what QQ puts in front of any reply
  // quoting the alert, and a hundred thanks must not bury the emergency.
  const bool answer = !ctx.in_group() || a.prefixed;
  if (open.empty()) {
    if (!a.addressed) return ctx.usage();  // an ordinary "收到" in a group chat: stay quiet
    if (!answer) return std::nullopt;
    if (only) return ctx.fail("emergency.ack_not_open", fmt::arg("id", *only));
    return ctx.fail("emergency.ack_nothing");
  }
  bool first = false;
  std::vector<std::string> ids;
  for (const auto& [emergency, chat] : open) {
    first = db.acknowledge(emergency, ctx.who.member.id, chat, ctx.now()) || first;
    ids.push_back("#" + std::to_string(emergency));
  }
  if (!answer) return std::nullopt;  // recorded; no reply in the group
  ctx.reply(ctx.text(first ? "emergency.acked" : "emergency.acked_again",
                     fmt::arg("ids", fmt::format("{}", fmt::join(ids, " ")))));
  return std::nullopt;
}

}  // namespace

emergency_chatter note_emergency_chatter(bot::context& ctx, std::string_view text) {
  if (!ctx.in_group() || ctx.chat.id == 0) return emergency_chatter::none;
  auto& db = ctx.db().emergencies;
  auto open = db.open_for_chat(ctx.chat.id);
  if (open.empty()) return emergency_chatter::none;
  if (!reads_like_ack(text)) return emergency_chatter::open;
  for (auto id : open) db.acknowledge(id, ctx.who.member.id, ctx.chat.id, ctx.now());
  return emergency_chatter::acknowledged;
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
