#include "commands/meetings.hpp"

#include "bot/clock.hpp"
#include "bot/context.hpp"
#include "bot/feature_host.hpp"
#include "bot/utf8.hpp"
#include "commands/meeting_call.hpp"
#include "commands/meeting_view.hpp"
#include "commands/record_id.hpp"
#include "domain/meetings/audience.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

using domain::meetings::meeting_ref;

bool starts_with_meeting_id(const bot::args& a) {
  return !a.empty() && parse_record_id(a[0]).has_value();
}

std::optional<storage::meeting_row> find_meeting(bot::context& ctx, storage::meeting_store& store,
                                                 std::int64_t id) {
  auto m = store.get(id);
  if (!m || (m->community_id != ctx.community() && !at_least(ctx.who.level, bot::role::admin)))
    return std::nullopt;
  return m;
}

// A meeting of the owners who reported a category was told to them privately: asked in a group,
// it is answered privately too, and the group hears one line.
void show_to(bot::context& ctx, const storage::meeting_row& m, std::vector<std::string> messages) {
  if (m.category && ctx.in_group()) {
    for (auto& text : messages) ctx.reply_private(std::move(text));
    ctx.reply(ctx.text("meeting.sent_privately"));
    return;
  }
  for (auto& text : messages) ctx.reply(std::move(text));
}

// 会议 4 · 会议 标题 时间 地点 [对象 …]
bot::command_result meeting(bot::context& ctx, const bot::args& a) {
  if (a.empty()) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return call_meeting_command(ctx, a);
  if (a.size() > 1) return ctx.usage();  // a meeting is not called "4"
  storage::meeting_store store(ctx.db().database);
  auto m = find_meeting(ctx, store, *id);
  if (!m) return ctx.fail("meeting.not_found", fmt::arg("id", *id));
  const auto r = store.replies(m->id);
  show_to(ctx, *m,
          {meeting_notice(ctx.svc, ctx.lang, *m) + "\n" +
           ctx.text("meeting.answers", fmt::arg("yes", r.attending), fmt::arg("no", r.declined))});
  return std::nullopt;
}

bot::command_result answer(bot::context& ctx, const bot::args& a, bool attending) {
  if (a.size() != 1) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  storage::meeting_store store(ctx.db().database);
  auto m = find_meeting(ctx, store, *id);
  if (!m) return ctx.fail("meeting.not_found", fmt::arg("id", *id));
  if (ctx.now() >= m->starts_at) return ctx.fail("meeting.started", fmt::arg("id", m->id));
  store.reply(m->id, ctx.who.member.id, attending, ctx.now());
  ctx.reply(ctx.text(attending ? "meeting.attending" : "meeting.declined", fmt::arg("id", m->id),
                     fmt::arg("title", meeting_title(ctx.svc, ctx.lang, *m)),
                     fmt::arg("time", meeting_time(ctx.svc, ctx.lang, m->starts_at)),
                     fmt::arg("n", store.replies(m->id).attending)));
  return std::nullopt;
}

bot::command_result attend(bot::context& ctx, const bot::args& a) {
  return answer(ctx, a, true);
}

bot::command_result decline(bot::context& ctx, const bot::args& a) {
  return answer(ctx, a, false);
}

// 纪要 4 · 纪要 4 正文
bot::command_result minutes(bot::context& ctx, const bot::args& a) {
  if (a.empty()) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  storage::meeting_store store(ctx.db().database);
  auto m = find_meeting(ctx, store, *id);
  if (!m) return ctx.fail("meeting.not_found", fmt::arg("id", *id));
  if (a.size() == 1) {
    if (!m->minutes) return ctx.fail("meeting.no_minutes", fmt::arg("id", m->id));
    show_to(ctx, *m, minutes_messages(ctx.svc, ctx.lang, *m));
    return std::nullopt;
  }
  if (!at_least(ctx.who.level, bot::role::manager)) return ctx.fail("meeting.minutes_denied");
  if (ctx.now() < m->starts_at) return ctx.fail("meeting.not_yet", fmt::arg("id", m->id));
  const std::string text = a.rest(1);
  if (bot::utf8::length(text) > 20'000) return ctx.fail("meeting.minutes_too_long");
  store.set_minutes(m->id, text, ctx.now());
  m = store.get(m->id);
  const std::size_t parts = minutes_messages(ctx.svc, ctx.lang, *m).size();
  const std::size_t reached = domain::meetings::tell_audience(
      ctx.svc, store, *m, [&](bot::locale l) { return minutes_messages(ctx.svc, l, *m); },
      meeting_ref(m->id) + ":minutes");
  ctx.db().audit.record(ctx.who.member.id, "meeting.minutes", meeting_ref(m->id), "", ctx.now());
  ctx.reply(ctx.text("meeting.minutes_sent", fmt::arg("id", m->id), fmt::arg("parts", parts),
                     fmt::arg("n", reached)));
  return std::nullopt;
}

bot::command_result list_meetings(bot::context& ctx, const bot::args&) {
  storage::meeting_store store(ctx.db().database);
  auto all = store.list(ctx.community(), ctx.now(), 10);
  if (all.empty()) return ctx.fail("meeting.none");
  std::string out = ctx.text("meeting.list_heading");
  for (const auto& m : all) out += "\n" + meeting_line(ctx.svc, ctx.lang, m);
  ctx.reply(out);
  return std::nullopt;
}

void remind_meeting(bot::services& svc, std::int64_t id) {
  storage::meeting_store store(svc.db.database);
  auto m = store.get(id);
  if (!m || svc.clk.now_ms() >= m->starts_at) return;  // after downtime: too late to remind
  const int attending = store.replies(id).attending;
  domain::meetings::tell_audience(
      svc, store, *m,
      [&](bot::locale l) { return std::vector<std::string>{meeting_reminder(svc, l, *m, attending)}; },
      meeting_ref(id) + ":remind");
}

}  // namespace

std::vector<bot::command_spec> meeting_commands() {
  return {
      {.id = "meeting.show",
       .zh = {"会议"},
       .en = {"meeting"},
       .topic = "votes",
       .run = meeting,
       .bare_match = starts_with_meeting_id},
      {.id = "meeting.list", .zh = {"会议列表"}, .en = {"meetings"}, .topic = "votes", .run = list_meetings},
      {.id = "meeting.attend",
       .zh = {"参加"},
       .en = {"attend"},
       .topic = "votes",
       .run = attend,
       .bare_match = starts_with_meeting_id},
      {.id = "meeting.decline",
       .zh = {"不参加"},
       .en = {"decline"},
       .topic = "votes",
       .run = decline,
       .bare_match = starts_with_meeting_id},
      {.id = "meeting.minutes",
       .zh = {"纪要", "会议纪要"},
       .en = {"minutes"},
       .topic = "votes",
       .run = minutes,
       .bare_match = starts_with_meeting_id},
  };
}

void install_meetings(bot::feature_host& host) {
  host.job(domain::meetings::remind_timer,
           [](const bot::job_run<std::int64_t>& job) { remind_meeting(job.svc, job.ref); });
}

}  // namespace commands
