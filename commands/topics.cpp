#include "commands/topics.hpp"

#include <algorithm>
#include <map>

#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/utf8.hpp"
#include "commands/audience_words.hpp"
#include "commands/broadcast.hpp"
#include "commands/command_words.hpp"
#include "commands/record_id.hpp"
#include "commands/ticket_texts.hpp"
#include "commands/ticket_view.hpp"
#include "commands/vote_open.hpp"
#include "domain/broadcast/audience.hpp"
#include "domain/privacy/redact.hpp"
#include "domain/ticket_types.hpp"
#include "storage/stores.hpp"
#include "storage/topic_store.hpp"

namespace commands {
namespace {

constexpr std::size_t max_topic_title_points = 60;
constexpr std::size_t max_opinion_points = 500;
constexpr std::size_t max_summary_points = 2000;

std::string topic_ref(std::int64_t id) {
  return "topic:" + std::to_string(id);
}

std::string masked_topic_text(const bot::services& svc, std::string_view text, bot::locale l) {
  return domain::privacy::redact_for_group(text, l, svc.cfg);
}

std::string audience_text(const bot::services& svc, bot::locale l, const storage::topic_row& t) {
  if (t.category) {
    auto c = domain::parse_ticket_category(*t.category);
    return svc.t(l, "meeting.audience_category",
                 fmt::arg("category", c ? svc.t(l, text_id(*c)) : *t.category));
  }
  return scope_text(svc, l, t.building);
}

domain::broadcast::audience audience_of(bot::services& svc, const storage::topic_row& t) {
  domain::broadcast::audience to{t.community_id, t.building, std::nullopt};
  if (t.category) to.people = domain::broadcast::reporters_of(svc, t.community_id, *t.category);
  return to;
}

std::optional<storage::topic_row> find_topic(bot::context& ctx, storage::topic_store& store,
                                             std::int64_t id) {
  auto t = store.get(id);
  if (!t || (t->community_id != ctx.community() && !at_least(ctx.who.level, bot::role::admin)))
    return std::nullopt;
  return t;
}

bool is_manager(const bot::context& ctx) {
  return at_least(ctx.who.level, bot::role::manager);
}

// 话题 标题 [对象 …]
bot::command_result open_topic(bot::context& ctx, const bot::args& a) {
  if (!is_manager(ctx)) return ctx.fail("topic.open_denied");
  audience_words to;
  if (auto f = read_audience(ctx, a, 1, to)) return f;
  storage::topic_row t;
  t.community_id = ctx.community();
  t.title = words_between(a, 0, to.at);
  if (bot::utf8::length(t.title) > max_topic_title_points) return ctx.fail("topic.title_too_long");
  t.building = to.building;
  t.category = to.category;
  t.created_by = ctx.who.member.id;
  t.created_at = ctx.now();
  storage::topic_store store(ctx.db().database);
  t.id = store.create(t);
  const std::size_t reached = domain::broadcast::tell(
      ctx.svc, audience_of(ctx.svc, t),
      [&](bot::locale l) {
        return std::vector<std::string>{ctx.svc.t(l, "topic.announce", fmt::arg("id", t.id),
                                                  fmt::arg("title", masked_topic_text(ctx.svc, t.title, l)),
                                                  fmt::arg("audience", audience_text(ctx.svc, l, t)))};
      },
      topic_ref(t.id));
  ctx.db().audit.record(ctx.who.member.id, "topic.open", topic_ref(t.id), t.title, ctx.now());
  ctx.reply(ctx.text(reached == 0 ? "topic.opened_nobody" : "topic.opened", fmt::arg("id", t.id),
                     fmt::arg("title", masked_topic_text(ctx.svc, t.title, ctx.lang)),
                     fmt::arg("n", reached)));
  return std::nullopt;
}

bot::command_result show_topic(bot::context& ctx, storage::topic_store& store, const storage::topic_row& t) {
  std::string out = ctx.text(
      "topic.show", fmt::arg("id", t.id), fmt::arg("title", masked_topic_text(ctx.svc, t.title, ctx.lang)),
      fmt::arg("audience", audience_text(ctx.svc, ctx.lang, t)), fmt::arg("n", store.count(t.id)));
  if (t.summary)
    out += "\n" +
           ctx.text("topic.summary_line", fmt::arg("text", masked_topic_text(ctx.svc, *t.summary, ctx.lang)));
  if (t.vote_id) out += "\n" + ctx.text("topic.vote_line", fmt::arg("vote", *t.vote_id));
  if (!t.closed_at) out += "\n" + ctx.text("topic.how", fmt::arg("id", t.id));
  ctx.reply(out);
  return std::nullopt;
}

// Grouped by the building of the writer's room; names and full text for managers, privately.
bot::command_result opinions(bot::context& ctx, storage::topic_store& store, const storage::topic_row& t) {
  const auto all = store.opinions(t.id);
  if (all.empty()) {
    reply_staff_view(ctx, ctx.text("topic.no_opinions", fmt::arg("id", t.id)));
    return std::nullopt;
  }
  std::map<std::string, int> per_building;
  for (const auto& o : all) ++per_building[o.building];
  std::string out = ctx.text("topic.opinions_head", fmt::arg("id", t.id), fmt::arg("n", all.size()));
  std::string building = "\x01";
  for (const auto& o : all) {
    if (o.building != building) {
      building = o.building;
      const std::string where =
          building.empty() ? ctx.text("topic.no_building") : scope_text(ctx.svc, ctx.lang, building);
      out += "\n" + ctx.text("topic.group", fmt::arg("where", where), fmt::arg("n", per_building[building]));
    }
    auto m = ctx.db().members.get(o.member_id);
    out += "\n" + ctx.text("topic.opinion", fmt::arg("who", m ? m->display_name : std::string("?")),
                           fmt::arg("text", o.text));
  }
  // Names and words as owners wrote them: for the manager alone, never into any group.
  if (ctx.in_group()) {
    ctx.reply_private(out);
    ctx.reply(ctx.text("topic.sent_privately"));
  } else {
    ctx.reply(out);
  }
  return std::nullopt;
}

bot::command_result summarize(bot::context& ctx, storage::topic_store& store, const storage::topic_row& t,
                              const std::string& text) {
  if (text.empty()) return ctx.usage();
  if (bot::utf8::length(text) > max_summary_points) return ctx.fail("topic.summary_too_long");
  store.close(t.id, ctx.now(), text, t.vote_id);
  const std::size_t reached = domain::broadcast::tell(
      ctx.svc, audience_of(ctx.svc, t),
      [&](bot::locale l) {
        return std::vector<std::string>{ctx.svc.t(l, "topic.summary", fmt::arg("id", t.id),
                                                  fmt::arg("title", masked_topic_text(ctx.svc, t.title, l)),
                                                  fmt::arg("n", store.count(t.id)),
                                                  fmt::arg("text", masked_topic_text(ctx.svc, text, l)))};
      },
      topic_ref(t.id) + ":summary");
  ctx.db().audit.record(ctx.who.member.id, "topic.summary", topic_ref(t.id), "", ctx.now());
  ctx.reply(ctx.text("topic.summarized", fmt::arg("id", t.id), fmt::arg("n", reached)));
  return std::nullopt;
}

// 话题 5 转投票 支持 | 反对 截止 …: a poll of the topic's title, in its building's groups.
bot::command_result to_vote(bot::context& ctx, storage::topic_store& store, const storage::topic_row& t,
                            const std::string& rest) {
  vote_draft d;
  if (t.category) return ctx.fail("topic.vote_category", fmt::arg("id", t.id));
  if (auto p = read_vote_draft(masked_topic_text(ctx.svc, t.title, ctx.lang) + " | " + rest, d))
    return ctx.fail(p->text_id, fmt::arg("word", p->word), fmt::arg("max", max_vote_options));
  std::int64_t vote = 0;
  if (auto f = open_drafted_vote(ctx, t.building, d, vote)) return f;
  store.close(t.id, ctx.now(), t.summary, vote);
  return std::nullopt;
}

bot::command_result give_opinion(bot::context& ctx, storage::topic_store& store, const storage::topic_row& t,
                                 const std::string& text) {
  if (text.empty()) return ctx.usage();
  if (bot::utf8::length(text) > max_opinion_points)
    return ctx.fail("topic.too_long", fmt::arg("max", max_opinion_points));
  storage::opinion_row o;
  o.member_id = ctx.who.member.id;
  for (const auto& u : ctx.who.units)
    if (u.community_id == t.community_id) {
      o.building = u.building;
      break;
    }
  o.text = text;
  o.at = ctx.now();
  const bool first = store.give(t.id, o);
  // The group hears thanks, not the opinion again.
  ctx.reply(ctx.text(first ? "topic.thanks" : "topic.replaced", fmt::arg("id", t.id)));
  return std::nullopt;
}

// 话题 · 话题 5 · 话题 5 意见… · 话题 5 意见 · 话题 5 总结 … · 话题 5 转投票 … · 话题 标题 [对象 …]
bot::command_result topic(bot::context& ctx, const bot::args& a) {
  storage::topic_store store(ctx.db().database);
  if (a.empty()) {
    auto all = store.list(ctx.community(), 10);
    if (all.empty()) return ctx.fail("topic.none");
    std::string out = ctx.text("topic.list_head");
    for (const auto& t : all)
      out += "\n" + ctx.text(t.closed_at ? "topic.line_closed" : "topic.line", fmt::arg("id", t.id),
                             fmt::arg("title", masked_topic_text(ctx.svc, t.title, ctx.lang)),
                             fmt::arg("n", store.count(t.id)));
    ctx.reply(out);
    return std::nullopt;
  }
  auto id = parse_record_id(a[0]);
  if (!id) return open_topic(ctx, a);
  auto t = find_topic(ctx, store, *id);
  if (!t) return ctx.fail("topic.not_found", fmt::arg("id", *id));
  if (a.size() == 1) return show_topic(ctx, store, *t);
  const bool reserved = (a.size() == 2 && is_word(a[1], {"意见", "opinions"})) ||
                        is_word(a[1], {"总结", "summary", "转投票", "vote"});
  if (reserved) {
    // Managers' words: an owner typing them sees the topic, and their own opinion stays.
    if (!is_manager(ctx)) return show_topic(ctx, store, *t);
    if (is_word(a[1], {"意见", "opinions"})) return opinions(ctx, store, *t);
    if (t->closed_at) return ctx.fail("topic.closed", fmt::arg("id", t->id));
    if (t->community_id != ctx.community()) return ctx.fail("topic.not_found", fmt::arg("id", t->id));
    if (is_word(a[1], {"总结", "summary"})) return summarize(ctx, store, *t, a.rest(2));
    return to_vote(ctx, store, *t, a.rest(2));
  }
  if (t->closed_at) return ctx.fail("topic.closed", fmt::arg("id", t->id));
  if (std::all_of(a.tokens.begin() + 1, a.tokens.end(), [](const bot::token& w) { return w.text.empty(); }))
    return ctx.usage();  // 话题 5 ""
  return give_opinion(ctx, store, *t, a.rest(1));
}

}  // namespace

std::vector<bot::command_spec> topic_commands() {
  return {
      {.id = "topic",
       .zh = {"话题"},
       .en = {"topic"},
       .topic = "votes",
       .run = topic,
       .bare_match = [](const bot::args& a) { return !a.empty() && parse_record_id(a[0]).has_value(); }},
  };
}

}  // namespace commands
