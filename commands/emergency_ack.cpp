#include "commands/emergency_ack.hpp"

#include <algorithm>

#include "bot/context.hpp"
#include "commands/broadcast.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

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
  if (open.empty()) {
    if (!a.addressed) return ctx.usage();  // an ordinary "收到" in a group chat: stay quiet
    if (only) return ctx.fail("emergency.ack_not_open", fmt::arg("id", *only));
    return ctx.fail("emergency.ack_nothing");
  }
  bool first = false;
  std::vector<std::string> ids;
  for (const auto& [emergency, chat] : open) {
    first = db.acknowledge(emergency, ctx.who.member.id, chat, ctx.now()) || first;
    ids.push_back("#" + std::to_string(emergency));
  }
  if (!a.addressed) return std::nullopt;  // recorded; a bare 收到 in a group gets no reply
  ctx.reply(ctx.text(first ? "emergency.acked" : "emergency.acked_again",
                     fmt::arg("ids", fmt::format("{}", fmt::join(ids, " ")))));
  return std::nullopt;
}

}  // namespace

std::vector<bot::command_spec> emergency_ack_commands() {
  return {
      {"emergency.ack",
       {"收到", "已收到"},
       {"ack", "received"},
       "emergencies",
       bot::role::resident,
       bot::chat_rule::anywhere,
       true,
       ack},
  };
}

}  // namespace commands
