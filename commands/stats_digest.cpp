#include "commands/stats_digest.hpp"

#include <ctime>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/feature_host.hpp"
#include "bot/local_time.hpp"
#include "commands/emergency_view.hpp"
#include "commands/stats_report.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

using bot::day_ms;

constexpr bot::plain_job digest_job{"stats.digest"};
constexpr int attention_limit = 10;

// The next local digest_time after now.
std::int64_t next_digest(const bot::config& cfg, std::int64_t now) {
  const bot::local_time_zone tz{cfg.community.utc_offset_minutes};
  const std::int64_t at = tz.day_start(now) + std::int64_t{*cfg.stats.digest_minutes()} * bot::minute_ms;
  return at > now ? at : at + day_ms;
}

std::tm local_tm(const bot::config& cfg, std::int64_t at) {
  const std::time_t secs =
      static_cast<std::time_t>((at + std::int64_t{cfg.community.utc_offset_minutes} * bot::minute_ms) / 1000);
  std::tm t{};
  gmtime_r(&secs, &t);
  return t;
}

std::string day_label(const bot::config& cfg, std::int64_t at) {
  const std::tm t = local_tm(cfg, at);
  return fmt::format("{:02}-{:02}", t.tm_mon + 1, t.tm_mday);
}

std::string count_change_text(const bot::services& svc, bot::locale l, std::int64_t now,
                              std::int64_t before) {
  if (before == 0) return svc.t(l, "digest.change_none");
  const std::int64_t pct = ((now - before) * 200 + (now >= before ? before : -before)) / (2 * before);
  return svc.t(l, "digest.change", fmt::arg("percent", (pct > 0 ? "+" : "") + std::to_string(pct)));
}

std::string attention_text(const bot::services& svc, bot::locale l, storage::stats_store& store,
                           const storage::period_span& day) {
  std::string out;
  for (const auto& t : store.escalated(day, attention_limit))
    out += (out.empty() ? "" : " · ") + svc.t(l, "digest.escalated", fmt::arg("id", t.id));
  for (const auto& t : store.rated_low(day, attention_limit))
    out += (out.empty() ? "" : " · ") +
           svc.t(l, "digest.rated_low", fmt::arg("id", t.id), fmt::arg("stars", t.rating.value_or(0)));
  return out.empty() ? svc.t(l, "common.unknown") : out;
}

std::string daily(bot::services& svc, bot::locale l, std::int64_t community, const storage::period_span& day,
                  const domain::stats::figures& f,
                  const std::vector<storage::emergency_row>& open_emergencies, storage::stats_store& store) {
  const auto& c = f.counts;
  std::string text =
      svc.t(l, "digest.daily", fmt::arg("day", day_label(svc.cfg, day.from)), fmt::arg("created", c.created),
            fmt::arg("repairs", c.repairs), fmt::arg("complaints", c.complaints),
            fmt::arg("suggestions", c.suggestions), fmt::arg("resolved", store.resolved_within(day)),
            fmt::arg("open", store.open_now(community)),
            fmt::arg("overdue", store.overdue_now(community, svc.clk.now_ms())),
            fmt::arg("problems", problems_text(svc, l, f.problems)),
            fmt::arg("attention", attention_text(svc, l, store, day)));
  for (const auto& e : open_emergencies)
    text += "\n" + svc.t(l, "digest.emergency_open", fmt::arg("id", e.id),
                         fmt::arg("title", emergency_title(svc, l, e)));
  return text;
}

std::string weekly(bot::services& svc, bot::locale l, const storage::period_span& week,
                   const domain::stats::figures& f, const domain::stats::figures& before) {
  const auto& c = f.counts;
  const auto& b = before.counts;
  auto rating = [&](const storage::ticket_stats& s) {
    return average_rating(svc, l, s.rating_total, s.rated);
  };
  return svc.t(l, "digest.weekly", fmt::arg("from", day_label(svc.cfg, week.from)),
               fmt::arg("to", day_label(svc.cfg, week.to - day_ms)), fmt::arg("created", c.created),
               fmt::arg("created_before", b.created),
               fmt::arg("created_change", count_change_text(svc, l, c.created, b.created)),
               fmt::arg("complaints", c.complaints), fmt::arg("complaints_before", b.complaints),
               fmt::arg("complaints_change", count_change_text(svc, l, c.complaints, b.complaints)),
               fmt::arg("resolved", c.resolved + c.closed), fmt::arg("rating", rating(c)),
               fmt::arg("rating_before", rating(b)), fmt::arg("problems", problems_text(svc, l, f.problems)));
}

void run_digest(bot::services& svc) {
  const std::int64_t now = svc.clk.now_ms();
  if (!svc.cfg.stats.digest_minutes()) return;
  svc.db.jobs.schedule(digest_job.name, digest_job.ref(), next_digest(svc.cfg, now), "{}", now);
  const bot::local_time_zone tz{svc.cfg.community.utc_offset_minutes};
  const std::int64_t today = tz.day_start(now);
  const bool monday = local_tm(svc.cfg, today).tm_wday == 1 && svc.cfg.stats.weekly_digest;
  storage::stats_store store(svc.db.database);
  for (const std::int64_t community : store.communities_with_managers()) {
    const storage::period_span day{community, today - day_ms, today};
    auto name = [&](bot::locale l) {
      return [&svc, l](const std::string& c) { return category_name(svc, l, c); };
    };
    const bot::locale l0 = bot::parse_locale(svc.cfg.community.lang).value_or(bot::locale::zh_CN);
    const auto f = domain::stats::gather(svc, day, std::nullopt, name(l0));
    std::vector<storage::emergency_row> open;
    for (auto id : store.open_emergencies(community))
      if (auto e = svc.db.emergencies.get(id)) open.push_back(*e);
    const bool quiet = f.counts.created == 0 && store.resolved_within(day) == 0 &&
                       store.open_now(community) == 0 && open.empty() && store.escalated(day, 1).empty() &&
                       store.rated_low(day, 1).empty();
    std::optional<domain::stats::figures> week, week_before;
    const storage::period_span last_week{community, today - 7 * day_ms, today};
    if (monday) {
      week = domain::stats::gather(svc, last_week, std::nullopt, name(l0));
      week_before = domain::stats::gather(svc, {community, today - 14 * day_ms, today - 7 * day_ms},
                                          std::nullopt, name(l0));
    }
    for (const auto& g : svc.db.chats.groups_of(community, std::nullopt, "managers")) {
      const bot::locale l = domain::broadcast::group_locale(svc, g);
      if (!quiet)
        svc.db.outbox.enqueue(g.ref, bot::outgoing::plain(daily(svc, l, community, day, f, open, store)),
                              storage::priority::notice, "digest:daily", now);
      if (week && week->counts.created + week_before->counts.created > 0)
        svc.db.outbox.enqueue(g.ref, bot::outgoing::plain(weekly(svc, l, last_week, *week, *week_before)),
                              storage::priority::notice, "digest:weekly", now);
    }
  }
}

}  // namespace

void install_stats_digest(bot::feature_host& host) {
  host.job(digest_job, [](const bot::job_run<bot::no_subject>& job) { run_digest(job.svc); });
  auto& svc = host.svc();
  if (!svc.cfg.stats.digest_minutes()) return;
  const std::int64_t now = svc.clk.now_ms();
  svc.db.jobs.ensure(digest_job.name, digest_job.ref(), next_digest(svc.cfg, now), now);
}

}  // namespace commands
