#include "commands/vote_open.hpp"

#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/local_time.hpp"
#include "bot/utf8.hpp"
#include "commands/broadcast.hpp"
#include "commands/command_words.hpp"
#include "commands/moment_words.hpp"
#include "commands/vote_draft.hpp"
#include "commands/vote_view.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "domain/votes/ballot_box.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

using domain::votes::open_problem;

std::optional<bot::failure> refuse_open(bot::context& ctx, open_problem p) {
  switch (p) {
    case open_problem::none:
      return std::nullopt;
    case open_problem::no_rooms:
      return ctx.fail("vote.new.no_rooms");
    case open_problem::no_area:
      return ctx.fail("vote.new.no_area");
    case open_problem::no_key:
      return ctx.fail("vote.new.no_key");
  }
  return std::nullopt;
}

}  // namespace

bot::command_result open_vote_command(bot::context& ctx, const bot::args& a) {
  if (a.empty()) return ctx.usage();
  std::size_t from = 0;
  auto building = read_scope_building(a, from);
  vote_draft d;
  d.assembly = a.invoked_name == "发起表决";  // the assembly's own word
  if (auto p = read_vote_draft(a.rest(from), d))
    return ctx.fail(p->text_id, fmt::arg("word", p->word), fmt::arg("max", max_vote_options));
  std::int64_t id = 0;
  return open_drafted_vote(ctx, building, d, id);
}

bot::command_result open_drafted_vote(bot::context& ctx, const std::optional<std::string>& building,
                                      const vote_draft& d, std::int64_t& id) {
  storage::vote_row v;
  if (auto f = read_when(ctx, d.deadline_text, true, v.deadline)) return f;
  if (domain::broadcast::broadcast_targets(ctx.svc, ctx.community(), building).empty())
    return ctx.fail("notice.no_groups", fmt::arg("scope", scope_text(ctx.svc, ctx.lang, building)));
  v.community_id = ctx.community();
  v.building = building;
  v.assembly = d.assembly;
  v.matter = d.matter;
  v.title = d.title;
  v.options = d.options;
  v.approve_option = approving_option(d.options);
  v.multiple = d.multiple;
  v.secret = d.secret.value_or(false);
  v.created_by = ctx.who.member.id;
  auto o = domain::votes::open_vote(ctx.svc, v);
  if (auto f = refuse_open(ctx, o.problem)) return f;
  id = o.id;
  auto stored = ctx.db().votes.get(o.id);
  auto groups = domain::broadcast::broadcast_targets(ctx.svc, ctx.community(), building);
  std::size_t sent = domain::broadcast::fan_out(
      ctx.svc, groups, [&](bot::locale l) { return vote_announcement(ctx.svc, l, *stored); },
      storage::priority::notice, vote_ref(o.id));
  ctx.db().audit.record(ctx.who.member.id, "vote.open", vote_ref(o.id), v.title, ctx.now());
  const bot::local_time_zone tz{ctx.svc.cfg.community.utc_offset_minutes};
  ctx.reply(ctx.text(
      v.assembly ? "vote.opened_assembly" : "vote.opened_poll", fmt::arg("id", o.id),
      fmt::arg("title", v.title), fmt::arg("groups", sent), fmt::arg("rooms", o.rooms),
      fmt::arg("deadline", tz.format_with_year(v.deadline)),
      fmt::arg("rule", ctx.text(stored->follow_majority ? "vote.rules_follow" : "vote.rules_plain"))));
  return std::nullopt;
}

// 投票规则 · 投票规则 随多数 开 · 投票规则 随多数 关
bot::command_result vote_rules_command(bot::context& ctx, const bot::args& a) {
  auto& votes = ctx.db().votes;
  std::optional<bool> set;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (is_word(a[i], {"开", "开启", "打开", "on", "是"}))
      set = true;
    else if (is_word(a[i], {"关", "关闭", "off", "否"}))
      set = false;
    else if (!is_word(a[i],
                      {"随多数", "未投票随多数", "follow", "majority", "follow-majority", "unreturned"}))
      return ctx.usage();
  }
  if (set) {
    votes.set_follow_majority(ctx.community(), *set);
    ctx.db().audit.record(ctx.who.member.id, "vote.rules", "", *set ? "follow_majority" : "plain", ctx.now());
  }
  const bool on = votes.follow_majority(ctx.community());
  ctx.reply(
      ctx.text("vote.rules_now", fmt::arg("rule", ctx.text(on ? "vote.rules_follow" : "vote.rules_plain"))));
  return std::nullopt;
}

}  // namespace commands
