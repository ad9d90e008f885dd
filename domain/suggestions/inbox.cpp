#include "domain/suggestions/inbox.hpp"

#include <algorithm>
#include <random>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/local_time.hpp"
#include "domain/tickets/category.hpp"
#include "storage/stores.hpp"

namespace domain::suggestions {
namespace {

using bot::minute_ms;
constexpr const char* flush_job = flush_timer.name;

std::int64_t batch_ms(const bot::config& cfg) {
  return cfg.suggestions.batch_minutes * minute_ms;
}

}  // namespace

bool use_quota(bot::services& svc, const bot::user_ref& writer) {
  const auto& cfg = svc.cfg;
  const std::int64_t window =
      bot::local_time_zone{cfg.community.utc_offset_minutes}.day_start(svc.clk.now_ms());
  return svc.db.suggestions.use_quota(quota_bucket(cfg, writer, window), window, cfg.suggestions.per_day);
}

std::int64_t queue(bot::services& svc, std::int64_t community_id, const std::string& text,
                   const sealed_writer& writer) {
  const auto& cfg = svc.cfg;
  const std::int64_t now = svc.clk.now_ms();
  svc.db.suggestions.queue(community_id, text, seal_writer(cfg, writer, "inbox"));
  // One flush per batch boundary; the job row is dated by its batch, not by this moment. A flush
  // still waiting from before batch_minutes changed takes this one along: it goes no later than
  // this batch's boundary, and the writer is told when it really goes.
  const std::int64_t batch_start = now - now % batch_ms(cfg);
  std::int64_t flush_at = batch_start + batch_ms(cfg);
  if (auto waiting = svc.db.jobs.pending(flush_job, ""); waiting.empty())
    svc.db.jobs.schedule(flush_job, "", flush_at, "{}", batch_start);
  else if (waiting.front().due_at > flush_at)
    svc.db.jobs.postpone(waiting.front().id, flush_at);  // brought forward
  else
    flush_at = std::max(waiting.front().due_at, now);
  return flush_at;
}

void flush(bot::services& svc, tickets::ticket_desk& desk,
           const std::function<std::string(bot::locale, std::int64_t ticket_id)>& filed) {
  auto waiting = svc.db.suggestions.inbox();
  // Shuffled, so the order of ticket numbers does not follow the order of writing.
  std::shuffle(waiting.begin(), waiting.end(), std::mt19937{std::random_device{}()});
  const std::int64_t now = svc.clk.now_ms();
  for (const auto& s : waiting) {
    storage::ticket_row t;
    t.community_id = s.community_id;
    t.kind = domain::ticket_kind::suggestion;
    t.category = tickets::guess_category(s.description);
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
    svc.db.outbox.enqueue_sealed(writer->chat, bot::outgoing::plain(filed(l, t.id)), storage::priority::reply,
                                 now);
  }
}

}  // namespace domain::suggestions
