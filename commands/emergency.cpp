#include "commands/emergency.hpp"

#include <algorithm>

#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/duration_text.hpp"
#include "bot/feature_host.hpp"
#include "bot/local_time.hpp"
#include "bot/log.hpp"
#include "bot/utf8.hpp"
#include "commands/broadcast.hpp"
#include "commands/broadcast_confirm.hpp"
#include "commands/command_words.hpp"
#include "commands/delivery_report.hpp"
#include "commands/emergency_view.hpp"
#include "commands/record_id.hpp"
#include "domain/broadcast/emergencies.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "domain/privacy/redact.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::broadcast::broadcast_targets;
using domain::broadcast::emergency_ref;
using domain::broadcast::fan_out;

using domain::privacy::redact_rooms;

namespace {

constexpr std::size_t max_emergency_title_points = 20;
constexpr std::size_t max_text_points = 300;
using domain::broadcast::remind_job;

// The emergency named by a staff command: it exists in the caller's community, and (for changes)
// it is still open.
std::optional<bot::failure> find_emergency(bot::context& ctx, std::string_view word, bool must_be_open,
                                           storage::emergency_row& out) {
  auto id = parse_record_id(word);
  if (!id) return ctx.usage();
  auto e = ctx.db().emergencies.get(*id);
  if (!e || (e->community_id != ctx.community() && ctx.who.level != bot::role::admin))
    return ctx.fail("emergency.not_found", fmt::arg("id", *id));
  if (must_be_open && !e->open()) {
    bot::local_time_zone tz{ctx.svc.cfg.community.utc_offset_minutes};
    return ctx.fail("emergency.already_closed", fmt::arg("id", *id),
                    fmt::arg("time", tz.format(*e->closed_at)));
  }
  out = std::move(*e);
  return std::nullopt;
}

// The reminder, worded for each group (the domain adds who has not acknowledged yet).
std::pair<std::size_t, std::size_t> remind_emergency(bot::services& svc, const storage::emergency_row& e,
                                                     std::optional<std::int64_t> by) {
  return domain::broadcast::remind(svc, e, by, [&](bot::locale l) {
    return svc.t(l, "emergency.reminder", fmt::arg("id", e.id), fmt::arg("title", emergency_title(svc, l, e)),
                 fmt::arg("scope", scope_text(svc, l, e.building))) +
           (e.detail.empty() ? std::string() : "\n" + e.detail) + "\n" + emergency_help_line(svc, l);
  });
}

// 紧急 <模板|标题> [楼栋] [说明]
bot::command_result start(bot::context& ctx, const bot::args& a) {
  storage::emergency_row e;
  std::size_t i = 0;
  const bot::emergency_template* tmpl = nullptr;
  for (int round = 0; round < 2 && i < a.size(); ++round) {  // template and building, in either order
    if (!tmpl && (tmpl = ctx.svc.cfg.emergency.find(a[i])))
      ++i;
    else if (!e.building)
      e.building = read_scope_building(a, i);
  }
  if (tmpl) {
    e.template_id = tmpl->id;
  } else {
    // A title of one's own only with a prefix, an @ or in private: "紧急 的事情我来处理" in an
    // owners' group is chat, and must not become an @all. Staff saying it in their own group are
    // asked to confirm (commands/broadcast_confirm).
    if ((!a.addressed && !a.spoken) || i >= a.size() || parse_record_id(a[i])) return ctx.usage();
    e.title = a[i++];
    if (bot::utf8::length(e.title) > max_emergency_title_points) return ctx.usage();
    if (!e.building) e.building = read_scope_building(a, i);
  }
  e.detail = i < a.size() ? a.rest(i) : std::string();
  if (bot::utf8::length(e.detail) > max_text_points)
    return ctx.fail("emergency.too_long", fmt::arg("max", max_text_points));

  auto groups = broadcast_targets(ctx.svc, ctx.community(), e.building);
  if (groups.empty())
    return ctx.fail("emergency.no_groups", fmt::arg("scope", scope_text(ctx.svc, ctx.lang, e.building)));
  if (held_for_confirmation(ctx, a, groups.size())) return std::nullopt;
  e.community_id = ctx.community();
  e.started_by = ctx.who.member.id;
  e.started_at = ctx.now();
  domain::broadcast::open_emergency(ctx.svc, e, groups);
  fan_out(
      ctx.svc, groups, [&](bot::locale l) { return render_alert(ctx.svc, l, e); },
      storage::priority::emergency, emergency_ref(e.id));
  ctx.db().audit.record(ctx.who.member.id, "emergency.start", emergency_ref(e.id),
                        emergency_title(ctx.svc, ctx.lang, e), ctx.now());
  std::string out = ctx.text(
      "emergency.started", fmt::arg("id", e.id), fmt::arg("title", emergency_title(ctx.svc, ctx.lang, e)),
      fmt::arg("scope", scope_text(ctx.svc, ctx.lang, e.building)), fmt::arg("groups", groups.size()));
  if (ctx.svc.cfg.emergency.duty_phone.empty()) out += "\n" + ctx.text("emergency.no_duty_phone");
  ctx.reply(out);
  return std::nullopt;
}

// For bare_match: "进展 5 …" is a command, "进展，大家知道什么时候来电吗" is chat.
bool starts_with_record_id(const bot::args& a) {
  return !a.empty() && parse_record_id(a[0]).has_value();
}

// 紧急 5 [确认情况|送达] · 紧急 <模板|标题> [楼栋] [说明]
bot::command_result emergency(bot::context& ctx, const bot::args& a) {
  if (!ctx.is_staff()) {
    const std::string& phone = ctx.svc.cfg.emergency.duty_phone;
    return phone.empty() ? ctx.fail("emergency.denied")
                         : ctx.fail("emergency.denied_phone", fmt::arg("phone", phone));
  }
  if (a.empty()) return ctx.usage();
  if (parse_record_id(a[0]) && a.size() <= 2) {
    storage::emergency_row e;
    if (auto f = find_emergency(ctx, a[0], false, e)) return f;
    if (a.size() == 1 || is_word(a[1], {"确认情况", "确认", "acks", "ack", "status"})) {
      ctx.reply(ack_report(ctx, e));
      return std::nullopt;
    }
    if (is_word(a[1], {"送达", "送达情况", "delivery"})) {
      ctx.reply(delivery_report(ctx, emergency_ref(e.id), ctx.text("emergency.what", fmt::arg("id", e.id))));
      return std::nullopt;
    }
    return ctx.usage();
  }
  return start(ctx, a);
}

// 进展 5 已抢修，预计17:00恢复
bot::command_result update(bot::context& ctx, const bot::args& a) {
  if (a.size() < 2) return ctx.usage();
  storage::emergency_row e;
  if (auto f = find_emergency(ctx, a[0], true, e)) return f;
  std::string text = a.rest(1);
  if (bot::utf8::length(text) > max_text_points)
    return ctx.fail("emergency.too_long", fmt::arg("max", max_text_points));
  auto groups = domain::broadcast::reachable_groups(ctx.svc, e);
  fan_out(
      ctx.svc, groups,
      [&](bot::locale l) {
        return bot::outgoing::plain(ctx.svc.t(l, "emergency.update", fmt::arg("id", e.id),
                                              fmt::arg("title", emergency_title(ctx.svc, l, e)),
                                              fmt::arg("text", redact_rooms(text, l))));
      },
      storage::priority::emergency, emergency_ref(e.id) + ":update");
  ctx.db().emergencies.add_update(e.id, ctx.who.member.id, "update", text, ctx.now());
  ctx.db().audit.record(ctx.who.member.id, "emergency.update", emergency_ref(e.id), text, ctx.now());
  ctx.reply(ctx.text("emergency.update_sent", fmt::arg("id", e.id), fmt::arg("groups", groups.size())));
  return std::nullopt;
}

// 提醒 5
bot::command_result remind_now(bot::context& ctx, const bot::args& a) {
  if (a.size() != 1) return ctx.usage();
  storage::emergency_row e;
  if (auto f = find_emergency(ctx, a[0], true, e)) return f;
  auto [groups, mentioned] = remind_emergency(ctx.svc, e, ctx.who.member.id);
  ctx.db().audit.record(ctx.who.member.id, "emergency.remind", emergency_ref(e.id), "", ctx.now());
  ctx.reply(ctx.text("emergency.reminded", fmt::arg("id", e.id), fmt::arg("groups", groups),
                     fmt::arg("mentioned", mentioned)));
  return std::nullopt;
}

// 解除 5 已恢复供电
bot::command_result close_emergency(bot::context& ctx, const bot::args& a) {
  if (a.empty()) return ctx.usage();
  storage::emergency_row e;
  if (auto f = find_emergency(ctx, a[0], true, e)) return f;
  std::string note = a.size() > 1 ? a.rest(1) : std::string();
  if (bot::utf8::length(note) > max_text_points)
    return ctx.fail("emergency.too_long", fmt::arg("max", max_text_points));
  const std::int64_t elapsed = ctx.now() - e.started_at;
  domain::broadcast::close_emergency(ctx.svc, e, ctx.who.member.id, note);
  fan_out(
      ctx.svc, domain::broadcast::reachable_groups(ctx.svc, e),
      [&](bot::locale l) {
        return bot::outgoing::plain(ctx.svc.t(
            l, note.empty() ? "emergency.closed_plain" : "emergency.closed", fmt::arg("id", e.id),
            fmt::arg("title", emergency_title(ctx.svc, l, e)), fmt::arg("note", redact_rooms(note, l)),
            fmt::arg("elapsed", bot::duration_text(ctx.svc.t, l, elapsed))));
      },
      storage::priority::emergency, emergency_ref(e.id) + ":close");
  const auto activity = domain::broadcast::activity_of(ctx.svc, e.id);
  ctx.db().audit.record(ctx.who.member.id, "emergency.close", emergency_ref(e.id), note, ctx.now());
  ctx.reply(ctx.text(
      "emergency.closed_summary", fmt::arg("id", e.id),
      fmt::arg("title", emergency_title(ctx.svc, ctx.lang, e)),
      fmt::arg("elapsed", bot::duration_text(ctx.svc.t, ctx.lang, elapsed)),
      fmt::arg("acks", ack_totals_text(ctx.svc, ctx.lang, domain::broadcast::count_acks(ctx.svc, e))),
      fmt::arg("updates", activity.updates), fmt::arg("reminders", activity.reminders)));
  return std::nullopt;
}

void run_reminder(bot::services& svc, std::int64_t id) {
  auto e = svc.db.emergencies.get(id);
  if (!e || !e->open()) return;
  auto [groups, mentioned] = remind_emergency(svc, *e, std::nullopt);
  bot::log::info("emergency", "#{}: reminder to {} groups, {} people mentioned", e->id, groups, mentioned);
}

}  // namespace

void install_emergency_jobs(bot::feature_host& host) {
  host.job(remind_job, [](const bot::job_run<std::int64_t>& job) { run_reminder(job.svc, job.ref); });
}

std::vector<bot::command_spec> emergency_commands() {
  return {
      // Residents reach the handler so that a refusal can give them the duty phone.
      {
          .id = "emergency",
          .zh = {"紧急", "紧急通知"},
          .en = {"emergency", "sos"},
          .topic = "emergencies",
          .min_role = bot::role::resident,
          .where = bot::chat_rule::anywhere,
          .run = emergency,
      },
      {
          .id = "emergency.update",
          .zh = {"进展", "紧急进展"},
          .en = {"emergency update", "progress"},
          .topic = "emergencies",
          .min_role = bot::role::staff,
          .where = bot::chat_rule::anywhere,
          .run = update,
          .bare_match = starts_with_record_id,
      },
      {
          .id = "emergency.remind",
          .zh = {"提醒", "紧急提醒"},
          .en = {"emergency remind", "remind"},
          .topic = "emergencies",
          .min_role = bot::role::staff,
          .where = bot::chat_rule::anywhere,
          .run = remind_now,
          .bare_match = starts_with_record_id,
      },
      {
          .id = "emergency.close",
          .zh = {"解除", "解除紧急"},
          .en = {"emergency close", "allclear"},
          .topic = "emergencies",
          .min_role = bot::role::staff,
          .where = bot::chat_rule::anywhere,
          .run = close_emergency,
          .bare_match = starts_with_record_id,
      },
  };
}

}  // namespace commands
