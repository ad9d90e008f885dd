#include "commands/surveys.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/feature_host.hpp"
#include "bot/local_time.hpp"
#include "bot/utf8.hpp"
#include "commands/audience_words.hpp"
#include "commands/command_words.hpp"
#include "commands/moment_words.hpp"
#include "commands/record_id.hpp"
#include "commands/survey_dialogue.hpp"
#include "commands/survey_report.hpp"
#include "commands/ticket_view.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "domain/broadcast/text_parts.hpp"
#include "domain/privacy/redact.hpp"
#include "domain/surveys/campaign.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

using domain::surveys::survey_ref;

constexpr std::size_t max_survey_title_points = 40;
constexpr std::size_t max_plan_points = 5000;

// A manager's title as the groups may read it.
std::string group_title(const bot::services& svc, const storage::survey_row& s, bot::locale l) {
  return domain::privacy::redact_for_group(s.title, l, svc.cfg);
}

std::optional<storage::survey_row> find_survey(bot::context& ctx, storage::survey_store& store,
                                               std::int64_t id) {
  auto s = store.get(id);
  if (!s || (s->community_id != ctx.community() && !at_least(ctx.who.level, bot::role::admin)))
    return std::nullopt;
  return s;
}

// "截止12月20日" or "截止 12月20日": where the deadline starts, and its text glued to the word.
std::optional<std::pair<std::size_t, std::string>> deadline_word(const bot::args& a) {
  for (std::size_t i = 1; i < a.size(); ++i)
    for (std::string_view w : {"截止时间", "截止日期", "截止到", "截止", "截至", "until", "deadline"})
      if (bot::utf8::to_lower_ascii(a[i]).starts_with(w)) return std::pair{i, a[i].substr(w.size())};
  return std::nullopt;
}

// 发起调查 标题 [截止 时间]
bot::command_result open_survey(bot::context& ctx, const bot::args& a) {
  if (a.empty()) return ctx.usage();
  storage::survey_row s;
  s.community_id = ctx.community();
  s.created_by = ctx.who.member.id;
  std::size_t title_end = a.size();
  s.deadline = ctx.now() + std::int64_t{ctx.svc.cfg.surveys.days} * 24 * 3'600'000;
  if (auto d = deadline_word(a)) {
    title_end = d->first;
    std::string when = d->second;
    for (std::size_t i = d->first + 1; i < a.size(); ++i) when += (when.empty() ? "" : " ") + a[i];
    if (when.empty()) return ctx.usage();
    if (auto f = read_when(ctx, when, true, s.deadline)) return f;
  }
  s.title = words_between(a, 0, title_end);
  if (s.title.empty()) return ctx.usage();
  if (bot::utf8::length(s.title) > max_survey_title_points)
    return ctx.fail("survey.title_too_long", fmt::arg("max", max_survey_title_points));
  storage::survey_store store(ctx.db().database);
  const auto started = domain::surveys::start_survey(ctx.svc, store, s);
  const auto stored = store.get(started.id);
  const auto items = store.items(started.id);
  const bot::locale l = bot::parse_locale(ctx.svc.cfg.community.lang).value_or(bot::locale::zh_CN);
  for (const auto& owner : started.invited)
    if (auto m = ctx.db().members.get(owner.member_id))
      ctx.send(ctx.db().chats.direct_chat_of(*m),
               bot::outgoing::plain(survey_invitation(ctx.svc, l, *stored, items)), storage::priority::notice,
               survey_ref(started.id));
  // The groups hear that it started, so that owners who have not bound a room yet can.
  const auto groups = domain::broadcast::broadcast_targets(ctx.svc, s.community_id, std::nullopt);
  domain::broadcast::fan_out(
      ctx.svc, groups,
      [&](bot::locale gl) {
        return bot::outgoing::plain(
            ctx.svc.t(gl, "survey.announced", fmt::arg("id", started.id),
                      fmt::arg("title", group_title(ctx.svc, *stored, gl)), fmt::arg("n", items.size()),
                      fmt::arg("deadline", deadline_text(ctx.svc, stored->deadline))));
      },
      storage::priority::notice, survey_ref(started.id));
  ctx.db().audit.record(ctx.who.member.id, "survey.open", survey_ref(started.id), s.title, ctx.now());
  ctx.reply(ctx.text(started.invited.empty() ? "survey.opened_nobody" : "survey.opened",
                     fmt::arg("id", started.id), fmt::arg("title", stored->title),
                     fmt::arg("n", items.size()), fmt::arg("people", started.invited.size()),
                     fmt::arg("groups", groups.size()),
                     fmt::arg("deadline", deadline_text(ctx.svc, stored->deadline))));
  return std::nullopt;
}

bot::command_result progress(bot::context& ctx, const storage::survey_row& s) {
  const auto r = results_of(ctx.svc, s);
  ctx.reply(ctx.text("survey.progress", fmt::arg("id", s.id), fmt::arg("title", s.title),
                     fmt::arg("deadline", deadline_text(ctx.svc, s.deadline)),
                     fmt::arg("invited", r.total.invited), fmt::arg("finished", r.total.finished),
                     fmt::arg("percent", domain::surveys::percent_text(r.total.finished, r.total.invited)),
                     fmt::arg("started", r.total.started)));
  return std::nullopt;
}

// While a survey runs, asking twice would show what the one owner who answered in between said:
// scores and comments are read after the deadline; turnout any time.
bot::command_result comments(bot::context& ctx, const storage::survey_row& s) {
  if (domain::surveys::is_open(s, ctx.now()))
    return ctx.fail("survey.after_deadline", fmt::arg("id", s.id),
                    fmt::arg("deadline", deadline_text(ctx.svc, s.deadline)));
  storage::survey_store store(ctx.db().database);
  const auto all = store.comments(s.id);
  if (all.empty()) return ctx.fail("survey.report_no_comments", fmt::arg("id", s.id));
  std::string text = ctx.text("survey.comments_heading", fmt::arg("id", s.id), fmt::arg("n", all.size()));
  for (std::size_t i = 0; i < all.size(); ++i) text += "\n" + std::to_string(i + 1) + ". " + all[i];
  for (auto& part : domain::broadcast::text_parts(text, 1500)) reply_staff_view(ctx, part);
  return std::nullopt;
}

// 调查 · 调查 3 · 调查 3 结果 · 调查 3 意见
bot::command_result survey(bot::context& ctx, const bot::args& a) {
  storage::survey_store store(ctx.db().database);
  if (a.empty()) {  // where was I?
    auto inv = store.open_dialogue(ctx.who.member.id, ctx.now());
    if (!inv) return ctx.fail("survey.none_open");
    return resume_survey(ctx, *store.get(inv->survey_id));
  }
  auto id = parse_record_id(a[0]);
  if (!id || a.size() > 2) return ctx.usage();
  auto s = find_survey(ctx, store, *id);
  if (!s) return ctx.fail("survey.not_found", fmt::arg("id", *id));
  if (a.size() == 1) return ctx.is_staff() ? progress(ctx, *s) : resume_survey(ctx, *s);
  const bool results = is_word(a[1], {"结果", "统计", "results", "result"});
  const bool said = is_word(a[1], {"意见", "留言", "comments"});
  if (!results && !said) return ctx.usage();
  if (!at_least(ctx.who.level, bot::role::manager)) return ctx.fail("survey.results_denied");
  if (said) return comments(ctx, *s);
  reply_staff_view(ctx, survey_report(ctx.svc, ctx.lang, *s, results_of(ctx.svc, *s),
                                      store.comment_count(s->id), !domain::surveys::is_open(*s, ctx.now())));
  return std::nullopt;
}

// 公示调查 3 改进计划…
bot::command_result publish(bot::context& ctx, const bot::args& a) {
  if (a.size() < 2) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  storage::survey_store store(ctx.db().database);
  auto s = find_survey(ctx, store, *id);
  if (!s) return ctx.fail("survey.not_found", fmt::arg("id", *id));
  if (domain::surveys::is_open(*s, ctx.now()))
    return ctx.fail("survey.publish_too_early", fmt::arg("id", s->id),
                    fmt::arg("deadline", deadline_text(ctx.svc, s->deadline)));
  const std::string plan = a.rest(1);
  if (bot::utf8::length(plan) > max_plan_points)
    return ctx.fail("survey.plan_too_long", fmt::arg("max", max_plan_points));
  const bool again = s->published_at.has_value();
  store.publish(s->id, plan, ctx.now());
  const auto r = results_of(ctx.svc, *s);
  const auto groups = domain::broadcast::broadcast_targets(ctx.svc, s->community_id, std::nullopt);
  for (const auto& g : groups)
    for (auto& part : survey_publication(ctx.svc, domain::broadcast::group_locale(ctx.svc, g), *s, r, plan))
      ctx.send(g.ref, bot::outgoing::plain(std::move(part)), storage::priority::notice,
               survey_ref(s->id) + ":public");
  ctx.db().audit.record(ctx.who.member.id, "survey.publish", survey_ref(s->id), "", ctx.now());
  ctx.reply(ctx.text(again ? "survey.published_again" : "survey.published", fmt::arg("id", s->id),
                     fmt::arg("groups", groups.size())));
  return std::nullopt;
}

bot::command_result list_surveys(bot::context& ctx, const bot::args& a) {
  if (!a.empty()) return ctx.usage();
  storage::survey_store store(ctx.db().database);
  const auto all = store.list(ctx.community(), 10);
  if (all.empty()) return ctx.fail("survey.none");
  std::string out = ctx.text("survey.list_heading");
  for (const auto& s : all)
    out += "\n" + ctx.text(domain::surveys::is_open(s, ctx.now()) ? "survey.list_open" : "survey.list_closed",
                           fmt::arg("id", s.id), fmt::arg("title", group_title(ctx.svc, s, ctx.lang)),
                           fmt::arg("deadline", deadline_text(ctx.svc, s.deadline)));
  ctx.reply(out);
  return std::nullopt;
}

// Those who have not finished get the question they stopped at, so that a score answers it.
void remind_survey(bot::services& svc, std::int64_t id) {
  storage::survey_store store(svc.db.database);
  auto s = store.get(id);
  const std::int64_t now = svc.clk.now_ms();
  if (!s || !domain::surveys::is_open(*s, now)) return;
  const auto items = store.items(id);
  for (const auto& inv : store.unfinished(id)) {
    auto m = svc.db.members.get(inv.member_id);
    if (!m) continue;
    const bot::locale l = dialogue_locale(svc, inv);
    store.asked(id, inv.member_id, std::nullopt, now);
    svc.db.outbox.enqueue(
        svc.db.chats.direct_chat_of(*m),
        bot::outgoing::plain(svc.t(l, "survey.reminder", fmt::arg("id", id), fmt::arg("title", s->title),
                                   fmt::arg("deadline", deadline_text(svc, s->deadline)),
                                   fmt::arg("done", inv.next_item), fmt::arg("n", items.size()),
                                   fmt::arg("question", survey_question(svc, l, *s, items, inv.next_item)))),
        storage::priority::notice, survey_ref(id) + ":remind", now);
  }
}

bool starts_with_survey_id(const bot::args& a) {
  return !a.empty() && parse_record_id(a[0]).has_value();
}

}  // namespace

std::vector<bot::command_spec> survey_commands() {
  using bot::role;
  return {
      {.id = "survey.open",
       .zh = {"发起调查", "发起满意度调查"},
       .en = {"new survey"},
       .topic = "votes",
       .min_role = role::manager,
       .run = open_survey},
      {.id = "survey.show",
       .zh = {"调查", "满意度调查"},
       .en = {"survey"},
       .topic = "votes",
       .run = survey,
       .bare_match = starts_with_survey_id},
      {.id = "survey.publish",
       .zh = {"公示调查"},
       .en = {"publish survey"},
       .topic = "votes",
       .min_role = role::manager,
       .run = publish},
      {.id = "survey.list", .zh = {"调查列表"}, .en = {"surveys"}, .topic = "votes", .run = list_surveys},
  };
}

void install_surveys(bot::feature_host& host) {
  host.job(domain::surveys::remind_timer,
           [](const bot::job_run<std::int64_t>& job) { remind_survey(job.svc, job.ref); });
  host.on_direct(on_survey_answer);
}

}  // namespace commands
