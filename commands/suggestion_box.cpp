#include "commands/suggestion_box.hpp"

#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/feature_host.hpp"
#include "bot/local_time.hpp"
#include "bot/utf8.hpp"
#include "commands/ticket_news.hpp"
#include "domain/suggestions/inbox.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

constexpr std::size_t max_suggestion_points = 500;

bot::command_result suggest(bot::context& ctx, const bot::args& a) {
  std::string text = a.rest(0);
  if (text.empty()) return ctx.usage();
  if (bot::utf8::length(text) > max_suggestion_points)
    return ctx.fail("cmd.suggestion.anonymous.too_long", fmt::arg("max", max_suggestion_points));
  const auto& cfg = ctx.svc.cfg;
  if (!domain::suggestions::use_quota(ctx.svc, ctx.msg.sender))
    return ctx.fail("cmd.suggestion.anonymous.quota", fmt::arg("n", cfg.suggestions.per_day));
  const domain::suggestions::sealed_writer w{ctx.msg.chat, std::string(bot::locale_tag(ctx.lang))};
  const std::int64_t flush_at = domain::suggestions::queue(ctx.svc, ctx.community(), text, w);
  bot::local_time_zone tz{cfg.community.utc_offset_minutes};
  ctx.reply(ctx.text("cmd.suggestion.anonymous.queued", fmt::arg("time", tz.format(flush_at))));
  return std::nullopt;
}

}  // namespace

void flush_suggestions(bot::services& svc) {
  auto desk = desk_of(svc);
  domain::suggestions::flush(svc, desk, [&](bot::locale l, std::int64_t id) {
    return svc.t(l, "cmd.suggestion.anonymous.filed", fmt::arg("id", id));
  });
}

std::vector<bot::command_spec> suggestion_box_commands() {
  return {
      {
          .id = "suggestion.anonymous",
          .zh = {"匿名建议", "意见箱"},
          .en = {"anonymous", "suggestion box"},
          .topic = "tickets",
          .min_role = bot::role::resident,
          .where = bot::chat_rule::direct_only,
          .run = suggest,
          .anonymous = true,
      },
  };
}

void install_suggestion_box(bot::feature_host& host) {
  host.job(domain::suggestions::flush_timer,
           [](const bot::job_run<bot::no_subject>& job) { flush_suggestions(job.svc); });
}

}  // namespace commands
