#include "commands/broadcast_confirm.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/invocation.hpp"
#include "bot/registry.hpp"
#include "bot/utf8.hpp"
#include "storage/pending_store.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

constexpr int confirm_minutes = 10;
constexpr std::size_t preview_points = 40;

// 确认发送: the held words run again, as if typed with "/".
bot::command_result confirm(bot::context& ctx, const bot::args& a) {
  if (!a.empty()) return ctx.usage();
  storage::pending_store pending(ctx.db().database);
  auto body = pending.take(ctx.chat.id, ctx.who.member.id, ctx.now() - confirm_minutes * bot::minute_ms);
  if (!body) return ctx.fail("broadcast.confirm.nothing", fmt::arg("minutes", confirm_minutes));
  bot::invocation inv = bot::parse_invocation(*body, true, true, ctx.svc.cfg.community.bot_names);
  bot::split_glued_name(inv, ctx.svc.commands);
  auto match = ctx.svc.commands.find(inv.tokens);
  // Only broadcasts are held, and the holder's role was checked when they were said; it is checked
  // again in case it was taken away since.
  if (!match || !bot::at_least(ctx.who.level, match->spec->min_role))
    return ctx.fail("broadcast.confirm.nothing", fmt::arg("minutes", confirm_minutes));
  bot::args held = bot::arguments(inv, *match);
  held.prefixed = true;
  ctx.spec = match->spec;  // its usage and refusals, not 确认发送's
  return match->spec->run(ctx, held);
}

}  // namespace

bool held_for_confirmation(bot::context& ctx, const bot::args& a, std::size_t groups,
                           const std::string& words) {
  if (!a.spoken || groups == 0) return false;
  storage::pending_store(ctx.db().database)
      .hold(ctx.chat.id, ctx.who.member.id, words.empty() ? a.body : words, ctx.now());
  ctx.reply(ctx.text("broadcast.confirm.ask", fmt::arg("n", groups),
                     fmt::arg("preview", bot::utf8::truncate(a.rest(0), preview_points)),
                     fmt::arg("minutes", confirm_minutes)));
  return true;
}

std::vector<bot::command_spec> broadcast_confirm_commands() {
  return {
      {
          .id = "broadcast.confirm",
          .zh = {"确认发送"},
          .en = {"send it", "sendit"},
          .topic = "notices",
          .min_role = bot::role::staff,
          .where = bot::chat_rule::anywhere,
          .run = confirm,
      },
  };
}

}  // namespace commands
