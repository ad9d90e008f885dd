#include "commands/notice.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/feature_host.hpp"
#include "bot/local_time.hpp"
#include "bot/log.hpp"
#include "bot/natural_time.hpp"
#include "bot/utf8.hpp"
#include "commands/broadcast.hpp"
#include "commands/broadcast_confirm.hpp"
#include "commands/delivery_report.hpp"
#include "commands/moment_words.hpp"
#include "commands/notice_query.hpp"
#include "commands/record_id.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "domain/broadcast/notices.hpp"
#include "domain/privacy/redact.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::broadcast::broadcast_targets;
using domain::broadcast::group_locale;
using domain::broadcast::notice_ref;

using domain::privacy::redact_rooms;

namespace {

using domain::broadcast::max_notice_body_points;
using domain::broadcast::max_notice_title_points;
using domain::broadcast::publish_job;

struct draft {
  std::optional<std::string> building;
  std::string title, body;
};

// [楼栋] 标题 | 正文  — or just the text, without a title, when clearly addressed to the bot.
std::optional<bot::failure> read_draft(bot::context& ctx, const bot::args& a, std::size_t from, draft& d) {
  if (a.size() <= from) return ctx.usage();
  d.building = read_scope_building(a, from);
  std::string text = a.rest(from);
  std::size_t bar = text.find('|');
  std::size_t bar_len = 1;
  if (auto wide = text.find("\uFF5C"); wide != std::string::npos && wide < bar) {  // ｜
    bar = wide;
    bar_len = 3;
  }
  if (bar != std::string::npos) {
    d.title = std::string(bot::utf8::trim(std::string_view(text).substr(0, bar)));
    d.body = std::string(bot::utf8::trim(std::string_view(text).substr(bar + bar_len)));
  } else {
    // Group chat that merely starts with 公告 ("公告 一下明天的安排") must never reach every group:
    // without a prefix or an @, a notice needs its "标题 | 正文" (staff in their own group are asked
    // to confirm instead).
    if (!a.addressed && !a.spoken) return ctx.usage();
    d.body = std::string(bot::utf8::trim(text));
  }
  if (d.body.empty()) std::swap(d.title, d.body);  // "公告 停水通知 |": the title is all there is
  if (d.body.empty()) return ctx.usage();
  if (bot::utf8::length(d.title) > max_notice_title_points)
    return ctx.fail("notice.title_too_long", fmt::arg("max", max_notice_title_points));
  if (bot::utf8::length(d.body) > max_notice_body_points)
    return ctx.fail("notice.too_long", fmt::arg("max", max_notice_body_points));
  return std::nullopt;
}

bot::outgoing render(const bot::services& svc, bot::locale l, const storage::notice_row& n) {
  std::string scope = scope_text(svc, l, n.building);
  if (n.title.empty())
    return bot::outgoing::plain(svc.t(l, "notice.broadcast_untitled", fmt::arg("id", n.id),
                                      fmt::arg("body", redact_rooms(n.body, l)), fmt::arg("scope", scope)));
  return bot::outgoing::plain(svc.t(l, "notice.broadcast", fmt::arg("id", n.id),
                                    fmt::arg("title", redact_rooms(n.title, l)),
                                    fmt::arg("body", redact_rooms(n.body, l)), fmt::arg("scope", scope)));
}

std::optional<bot::failure> no_groups(bot::context& ctx, const std::optional<std::string>& building) {
  if (!broadcast_targets(ctx.svc, ctx.community(), building).empty()) return std::nullopt;
  return ctx.fail("notice.no_groups", fmt::arg("scope", scope_text(ctx.svc, ctx.lang, building)));
}

bot::command_result post(bot::context& ctx, const bot::args& a) {
  draft d;
  if (auto f = read_draft(ctx, a, 0, d)) return f;
  if (auto f = no_groups(ctx, d.building)) return f;
  if (held_for_confirmation(ctx, a, broadcast_targets(ctx.svc, ctx.community(), d.building).size()))
    return std::nullopt;
  storage::notice_row n;
  n.community_id = ctx.community();
  n.building = d.building;
  n.title = d.title;
  n.body = d.body;
  n.author_id = ctx.who.member.id;
  n.created_at = n.publish_at = ctx.now();
  std::size_t groups =
      domain::broadcast::post_notice(ctx.svc, n, [&](bot::locale l) { return render(ctx.svc, l, n); });
  ctx.db().audit.record(ctx.who.member.id, "notice.post", notice_ref(n.id), notice_title(n), ctx.now());
  ctx.reply(ctx.text("notice.posted", fmt::arg("id", n.id), fmt::arg("title", notice_title(n)),
                     fmt::arg("groups", groups),
                     fmt::arg("scope", scope_text(ctx.svc, ctx.lang, n.building))));
  return std::nullopt;
}

// 公告 7 · 公告 7 送达 · 公告 [楼栋] 标题 | 正文
bot::command_result notice(bot::context& ctx, const bot::args& a) {
  if (a.empty()) return ctx.usage();
  if (auto id = parse_record_id(a[0])) {
    if (a.size() == 1) return show_notice(ctx, *id);
    if (a.size() == 2 &&
        (a[1] == "送达" || a[1] == "送达情况" || bot::utf8::to_lower_ascii(a[1]) == "delivery")) {
      if (!ctx.is_staff()) return ctx.fail("notice.delivery_denied");
      auto n = visible_notice(ctx, *id);
      if (!n) return ctx.fail("notice.not_found", fmt::arg("id", *id));
      if (!n->published()) return ctx.fail("notice.not_yet", fmt::arg("id", *id));
      std::string out = delivery_report(ctx, notice_ref(*id), ctx.text("notice.what", fmt::arg("id", *id)));
      if (n->recalled()) {  // what became of the recall: messages withdrawn, corrections sent
        for (const char* part : {"recall", "correction"}) {
          const std::string ref = notice_ref(*id) + ":" + part;
          if (ctx.db().outbox.by_ref(ref).empty()) continue;
          out += "\n" + delivery_report(ctx, ref,
                                        ctx.text(std::string("notice.report_") + part, fmt::arg("id", *id)));
        }
      }
      ctx.reply(out);
      return std::nullopt;
    }
  }
  if (!ctx.is_staff()) return ctx.fail("notice.denied");
  return post(ctx, a);
}

// 定时公告 2026-12-01 09:00 [楼栋] 标题 | 正文
bot::command_result schedule(bot::context& ctx, const bot::args& a) {
  if (a.size() < 2) return ctx.usage();
  bot::local_time_zone tz{ctx.svc.cfg.community.utc_offset_minutes};
  // The moment is the first one to three words that read as one, the longest first: "2026-12-01
  // 09:00", "明天 9:00", "12月10日上午9点", "下周三 晚上 7点".
  std::optional<std::int64_t> at;
  std::size_t used = 0;
  std::string problem_words;  // the longest words that read as a moment with a problem ("明天 9点")
  for (std::size_t k = std::min<std::size_t>(3, a.size()); k >= 1 && !at; --k) {
    std::string words = a[0];
    for (std::size_t i = 1; i < k; ++i) words += " " + a[i];
    auto r = bot::read_moment(words, ctx.now(), tz, false);
    if (r.at) {
      at = r.at;
      used = k;
    } else if (problem_words.empty() && r.problem != bot::time_problem::unreadable) {
      problem_words = words;
    }
  }
  if (!at) {
    std::int64_t unused = 0;
    if (!problem_words.empty())
      if (auto f = read_when(ctx, problem_words, false, unused)) return f;
    return ctx.usage();
  }
  if (used == a.size()) return ctx.usage();  // a time and nothing to say
  if (*at <= ctx.now()) return ctx.fail("notice.schedule_past", fmt::arg("time", tz.format_with_year(*at)));
  if (*at > ctx.now() + domain::broadcast::max_schedule_ahead_ms) return ctx.fail("notice.schedule_too_far");
  draft d;
  if (auto f = read_draft(ctx, a, used, d)) return f;
  if (auto f = no_groups(ctx, d.building)) return f;
  if (held_for_confirmation(ctx, a, broadcast_targets(ctx.svc, ctx.community(), d.building).size(),
                            a.invoked_name + " " + tz.format_with_year(*at) + " " + a.rest(used)))
    return std::nullopt;
  storage::notice_row n;
  n.community_id = ctx.community();
  n.building = d.building;
  n.title = d.title;
  n.body = d.body;
  n.author_id = ctx.who.member.id;
  n.created_at = ctx.now();
  n.publish_at = *at;
  domain::broadcast::schedule_notice(ctx.svc, n);
  ctx.db().audit.record(ctx.who.member.id, "notice.schedule", notice_ref(n.id), tz.format_with_year(*at),
                        ctx.now());
  ctx.reply(ctx.text("notice.scheduled", fmt::arg("id", n.id), fmt::arg("title", notice_title(n)),
                     fmt::arg("time", tz.format_with_year(*at)),
                     fmt::arg("scope", scope_text(ctx.svc, ctx.lang, n.building))));
  return std::nullopt;
}

bot::outgoing correction(const bot::services& svc, bot::locale l, const storage::notice_row& n) {
  return bot::outgoing::plain(
      svc.t(l, "notice.correction", fmt::arg("id", n.id), fmt::arg("title", notice_title(n))));
}

// 撤回公告 7: take it back where the platform can, correct it where it cannot, and stop what has
// not gone out yet.
bot::command_result recall(bot::context& ctx, const bot::args& a) {
  if (a.size() != 1) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  auto n = visible_notice(ctx, *id);
  if (!n) return ctx.fail("notice.not_found", fmt::arg("id", *id));
  if (n->recalled()) return ctx.fail("notice.already_recalled", fmt::arg("id", *id));
  // Past [storage] keep_sent_days the delivery rows are gone: nothing says where it went.
  const int keep_days = ctx.svc.cfg.storage.keep_sent_days;
  if (n->published() && keep_days > 0 &&
      ctx.now() - *n->published_at > std::int64_t{keep_days} * 86'400'000 &&
      ctx.db().outbox.by_ref(notice_ref(*id)).empty())
    return ctx.fail("notice.recall_too_old", fmt::arg("id", *id), fmt::arg("days", keep_days));
  const auto counts = domain::broadcast::recall_notice(
      ctx.svc, *n, ctx.who.member.id, [&](bot::locale l) { return correction(ctx.svc, l, *n); }, ctx.lang);
  ctx.db().audit.record(ctx.who.member.id, "notice.recall", notice_ref(*id), notice_title(*n), ctx.now());
  if (!n->published()) {
    ctx.reply(ctx.text("notice.schedule_cancelled", fmt::arg("id", *id)));
    return std::nullopt;
  }
  ctx.reply(ctx.text("notice.recalled", fmt::arg("id", *id), fmt::arg("recalled", counts.recalled),
                     fmt::arg("corrected", counts.corrected), fmt::arg("stopped", counts.stopped)));
  return std::nullopt;
}

void run_publish(bot::services& svc, std::int64_t id) {
  auto n = svc.db.notices.get(id);
  if (!n || n->published() || n->recalled()) return;
  std::size_t groups = domain::broadcast::publish(svc, *n, [&](bot::locale l) { return render(svc, l, *n); });
  bot::log::info("notice", "scheduled notice #{} published to {} groups", n->id, groups);
}

}  // namespace

void on_notice_row_dead(bot::services& svc, const storage::outbox_row& row) {
  constexpr std::string_view suffix = ":recall";
  if (row.body.recall_id.empty() || row.ref.rfind("notice:", 0) != 0 || !row.ref.ends_with(suffix)) return;
  auto id = parse_record_id(std::string_view(row.ref).substr(7, row.ref.size() - 7 - suffix.size()));
  auto n = id ? svc.db.notices.get(*id) : std::nullopt;
  if (!n) return;
  auto chat = svc.db.chats.find(row.target);
  bot::locale l = chat ? group_locale(svc, *chat) : bot::locale::zh_CN;
  svc.db.outbox.enqueue(row.target, correction(svc, l, *n), storage::priority::notice,
                        notice_ref(*id) + ":correction", svc.clk.now_ms());
}

void install_notice_jobs(bot::feature_host& host) {
  host.job(publish_job, [](const bot::job_run<std::int64_t>& job) { run_publish(job.svc, job.ref); });
}

std::vector<bot::command_spec> notice_commands() {
  return {
      {
          .id = "notice",
          .zh = {"公告", "物业公告"},
          .en = {"notice"},
          .topic = "notices",
          .min_role = bot::role::resident,
          .where = bot::chat_rule::anywhere,
          .run = notice,
      },
      {
          .id = "notice.schedule",
          .zh = {"定时公告"},
          .en = {"notice at", "schedule notice"},
          .topic = "notices",
          .min_role = bot::role::staff,
          .where = bot::chat_rule::anywhere,
          .run = schedule,
      },
      {
          .id = "notice.recall",
          .zh = {"撤回公告"},
          .en = {"notice recall", "recall notice"},
          .topic = "notices",
          .min_role = bot::role::staff,
          .where = bot::chat_rule::anywhere,
          .run = recall,
      },
  };
}

}  // namespace commands
