#include "commands/survey_dialogue.hpp"

#include <algorithm>

#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/local_time.hpp"
#include "bot/utf8.hpp"
#include "domain/surveys/campaign.hpp"
#include "domain/surveys/score_words.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

using domain::surveys::score_reply;

constexpr std::int64_t answer_window_ms = 60 * 60 * 1000;
constexpr std::size_t max_comment_points = 500;

}  // namespace

std::string deadline_text(const bot::services& svc, std::int64_t at) {
  return bot::local_time_zone{svc.cfg.community.utc_offset_minutes}.format_with_year(at);
}

bot::locale dialogue_locale(const bot::services& svc, const storage::survey_invite_row& i) {
  if (i.lang)
    if (auto l = bot::parse_locale(*i.lang)) return *l;
  return bot::parse_locale(svc.cfg.community.lang).value_or(bot::locale::zh_CN);
}

std::string survey_item_name(bot::locale l, const storage::survey_item_row& item) {
  return l == bot::locale::en_US ? item.name_en : item.name_zh;
}

std::string survey_question(const bot::services& svc, bot::locale l, const storage::survey_row& s,
                            const std::vector<storage::survey_item_row>& items, int next_item) {
  const auto n = static_cast<int>(items.size());
  if (next_item >= n) return svc.t(l, "survey.ask_comment", fmt::arg("id", s.id));
  return svc.t(l, "survey.ask_item", fmt::arg("id", s.id), fmt::arg("i", next_item + 1), fmt::arg("n", n),
               fmt::arg("item", survey_item_name(l, items[static_cast<std::size_t>(next_item)])));
}

std::string survey_invitation(const bot::services& svc, bot::locale l, const storage::survey_row& s,
                              const std::vector<storage::survey_item_row>& items) {
  return svc.t(l, "survey.invitation", fmt::arg("id", s.id), fmt::arg("title", s.title),
               fmt::arg("n", items.size()), fmt::arg("deadline", deadline_text(svc, s.deadline)),
               fmt::arg("question", survey_question(svc, l, s, items, 0)));
}

bool on_survey_answer(bot::context& ctx, const bot::chatter& c) {
  storage::survey_store store(ctx.db().database);
  auto inv = store.open_dialogue(ctx.who.member.id, ctx.now());
  if (!inv) return false;
  auto s = store.get(inv->survey_id);
  if (!s) return false;
  const auto items = store.items(s->id);
  const auto n = static_cast<int>(items.size());
  const bot::locale l = dialogue_locale(ctx.svc, *inv);
  const bool just_asked = ctx.now() - inv->asked_at < answer_window_ms;
  const score_reply r = domain::surveys::read_score(c.text);
  auto say = [&](std::string text) { ctx.reply(std::move(text)); };

  // Only an answer to a question just asked: a "5" days later may be a ticket's rating.
  if (!just_asked) return false;
  if (inv->next_item < n) {
    if (r.what == score_reply::score || r.what == score_reply::skip) {
      const std::optional<int> score =
          r.what == score_reply::score ? std::optional<int>(r.value) : std::nullopt;
      store.answer(s->id, inv->member_id, inv->next_item, score, inv->next_item + 1, ctx.now());
      say(survey_question(ctx.svc, l, *s, items, inv->next_item + 1));
      return true;
    }
    say(ctx.svc.t(l, r.what == score_reply::out_of_range ? "survey.out_of_range" : "survey.not_a_score",
                  fmt::arg("question", survey_question(ctx.svc, l, *s, items, inv->next_item))));
    return true;
  }
  // The comment.
  std::optional<std::string> comment;
  if (r.what != score_reply::skip) {
    const std::string text{bot::utf8::trim(c.text)};
    if (bot::utf8::length(text) > max_comment_points) {
      say(ctx.svc.t(l, "survey.comment_too_long", fmt::arg("max", max_comment_points)));
      return true;
    }
    if (!text.empty()) comment = text;
  }
  store.finish(s->id, inv->member_id, comment, ctx.now());
  say(ctx.svc.t(l, "survey.thanks", fmt::arg("id", s->id)));
  return true;
}

bot::command_result resume_survey(bot::context& ctx, const storage::survey_row& s) {
  storage::survey_store store(ctx.db().database);
  if (!domain::surveys::is_open(s, ctx.now()))
    return ctx.fail("survey.closed", fmt::arg("id", s.id),
                    fmt::arg("deadline", deadline_text(ctx.svc, s.deadline)));
  auto inv = store.invitation(s.id, ctx.who.member.id);
  if (!inv) {
    const auto room = std::find_if(ctx.who.units.begin(), ctx.who.units.end(),
                                   [&](const auto& u) { return u.community_id == s.community_id; });
    if (room == ctx.who.units.end()) return ctx.fail("survey.not_bound", fmt::arg("id", s.id));
    store.invite(s.id, {ctx.who.member.id, room->building}, std::nullopt, ctx.now());
    inv = store.invitation(s.id, ctx.who.member.id);
  }
  if (inv->finished_at) return ctx.fail("survey.already_done", fmt::arg("id", s.id));
  // Asked in English, the dialogue goes on in English.
  const std::optional<std::string> lang{std::string(bot::locale_tag(ctx.lang))};
  store.asked(s.id, inv->member_id, lang, ctx.now());
  inv = store.invitation(s.id, ctx.who.member.id);
  const auto items = store.items(s.id);
  const bot::locale l = dialogue_locale(ctx.svc, *inv);
  std::string text =
      inv->next_item == 0
          ? survey_invitation(ctx.svc, l, s, items)
          : ctx.svc.t(l, "survey.resumed", fmt::arg("id", s.id), fmt::arg("done", inv->next_item),
                      fmt::arg("question", survey_question(ctx.svc, l, s, items, inv->next_item)));
  if (ctx.in_group()) {
    ctx.reply_private(std::move(text));
    ctx.reply(ctx.text("survey.sent_privately", fmt::arg("id", s.id)));
  } else {
    ctx.reply(std::move(text));
  }
  return std::nullopt;
}

}  // namespace commands
