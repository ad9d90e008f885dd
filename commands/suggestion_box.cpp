#include "commands/suggestion_box.hpp"

#include <algorithm>
#include <random>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/feature_host.hpp"
#include "bot/local_time.hpp"
#include "bot/utf8.hpp"
#include "commands/ticket_news.hpp"
#include "domain/suggestions/seal.hpp"
#include "domain/tickets/category.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::tickets::guess_category;

using domain::suggestions::open_writer;
using domain::suggestions::quota_bucket;
using domain::suggestions::relay_purpose;
using domain::suggestions::seal_writer;
using domain::suggestions::sealed_writer;

namespace {

constexpr std::size_t max_points = 500;
using bot::minute_ms;
constexpr bot::plain_job flush_timer{"suggestions.flush"};
constexpr const char* flush_job = flush_timer.name;

std::int64_t batch_ms(const bot::config& cfg) {
  return cfg.suggestions.batch_minutes * minute_ms;
}

bot::command_result suggest(bot::context& ctx, const bot::args& a) {
  std::string text = a.rest(0);
  if (text.empty()) return ctx.usage();
  if (bot::utf8::length(text) > max_points)
    return ctx.fail("cmd.suggestion.anonymous.too_long", fmt::arg("max", max_points));
  const auto& cfg = ctx.svc.cfg;
  const std::int64_t now = ctx.now();
  const std::int64_t window = bot::local_time_zone{cfg.community.utc_offset_minutes}.day_start(now);
  if (!ctx.db().suggestions.use_quota(quota_bucket(cfg, ctx.msg.sender, window), window,
                                      cfg.suggestions.per_day))
    return ctx.fail("cmd.suggestion.anonymous.quota", fmt::arg("n", cfg.suggestions.per_day));

  sealed_writer w{ctx.msg.chat, std::string(bot::locale_tag(ctx.lang))};
  ctx.db().suggestions.queue(ctx.community(), text, seal_writer(cfg, w, "inbox"));
  // One flush per batch boundary; the job row is dated by its batch, not by this moment. A flush
  // still waiting from before batch_minutes changed takes this one along: it goes no later than
  // this batch's boundary, and the writer is told when it really goes.
  const std::int64_t batch_start = now - now % batch_ms(cfg);
  std::int64_t flush_at = batch_start + batch_ms(cfg);
  if (auto waiting = ctx.db().jobs.pending(flush_job, ""); waiting.empty())
    ctx.db().jobs.schedule(flush_job, "", flush_at, "{}", batch_start);
  else if (waiting.front().due_at > flush_at)
    ctx.db().jobs.postpone(waiting.front().id, flush_at);  // brought forward
  else
    flush_at = std::max(waiting.front().due_at, now);
  bot::local_time_zone tz{cfg.community.utc_offset_minutes};
  ctx.reply(ctx.text("cmd.suggestion.anonymous.queued", fmt::arg("time", tz.format(flush_at))));
  return std::nullopt;
}

}  // namespace

void flush_suggestions(bot::services& svc) {
  auto waiting = svc.db.suggestions.inbox();
  // Shuffled, so the order of ticket numbers does not follow the order of writing.
  std::shuffle(waiting.begin(), waiting.end(), std::mt19937{std::random_device{}()});
  auto desk = desk_of(svc);
  const std::int64_t now = svc.clk.now_ms();
  for (const auto& s : waiting) {
    storage::ticket_row t;
    t.community_id = s.community_id;
    t.kind = domain::ticket_kind::suggestion;
    t.category = guess_category(s.description);
    t.priority = domain::ticket_priority::normal;
    t.description = s.description;
    t.created_at = now;
    t.anonymous = true;
    auto writer = open_writer(svc.cfg, s.sealed, "inbox");
    if (writer) t.lang = writer->lang;
    t = desk.open(std::move(t), {});
    svc.db.suggestions.remove_from_inbox(s.id);
    if (!writer) continue;  // sealed under a key of an earlier run: staff get it, the writer hears nothing
    svc.db.suggestions.keep_relay(t.id, seal_writer(svc.cfg, *writer, relay_purpose(t.id)));
    bot::locale l = bot::parse_locale(writer->lang).value_or(bot::locale::zh_CN);
    svc.db.outbox.enqueue_sealed(
        writer->chat, bot::outgoing::plain(svc.t(l, "cmd.suggestion.anonymous.filed", fmt::arg("id", t.id))),
        storage::priority::reply, now);
  }
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
  host.job(flush_timer, [](const bot::job_run<bot::no_subject>& job) { flush_suggestions(job.svc); });
}

}  // namespace commands
