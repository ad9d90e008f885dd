#include "commands/meeting_call.hpp"

#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/local_time.hpp"
#include "bot/natural_time.hpp"
#include "bot/utf8.hpp"
#include "commands/broadcast.hpp"
#include "commands/category_names.hpp"
#include "commands/meeting_view.hpp"
#include "commands/moment_words.hpp"
#include "domain/meetings/audience.hpp"
#include "domain/ticket_types.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

constexpr std::size_t max_title_points = 60;
constexpr std::size_t max_place_points = 60;

bool is_target_word(std::string_view w) {
  const std::string lower = bot::utf8::to_lower_ascii(w);
  return lower == "对象" || lower == "目标" || lower == "范围" || lower == "for";
}

// The text of tokens [from, to) as typed.
std::string span(const bot::args& a, std::size_t from, std::size_t to) {
  if (from >= to) return {};
  return std::string(bot::utf8::trim(
      std::string_view(a.body).substr(a.tokens[from].begin, a.tokens[to - 1].end - a.tokens[from].begin)));
}

struct when_read {
  std::size_t end = 0;  // tokens used up to here
  std::int64_t at = 0;
};

// The longest run of tokens from 1 that reads as a moment; else the reply saying why not.
std::optional<bot::failure> read_start(const bot::context& ctx, const bot::args& a, std::size_t limit,
                                       when_read& w) {
  const bot::local_time_zone tz{ctx.svc.cfg.community.utc_offset_minutes};
  std::optional<std::size_t> telling;  // the longest run that was a time with a problem other than unreadable
  for (std::size_t k = limit; k > 1; --k) {
    auto r = bot::read_moment(span(a, 1, k), ctx.now(), tz, false);
    if (r.at) {
      w = {k, *r.at};
      return std::nullopt;
    }
    if (!telling && r.problem != bot::time_problem::unreadable) telling = k;
  }
  std::int64_t unused = 0;
  return read_when(ctx, span(a, 1, telling.value_or(std::min<std::size_t>(limit, 3))), false, unused)
      .value_or(ctx.usage());
}

}  // namespace

bot::command_result call_meeting_command(bot::context& ctx, const bot::args& a) {
  if (!at_least(ctx.who.level, bot::role::manager)) return ctx.fail("meeting.call_denied");
  if (a.size() < 2) return ctx.usage();
  std::size_t target_at = a.size();
  for (std::size_t i = 1; i < a.size(); ++i)
    if (is_target_word(a[i])) {
      target_at = i;
      break;
    }
  storage::meeting_row m;
  m.community_id = ctx.community();
  m.title = a[0];
  if (bot::utf8::length(m.title) > max_title_points) return ctx.fail("meeting.title_too_long");
  when_read w;
  if (auto f = read_start(ctx, a, target_at, w)) return f;
  m.starts_at = w.at;
  m.place = span(a, w.end, target_at);
  if (bot::utf8::length(m.place) > max_place_points) return ctx.fail("meeting.place_too_long");
  if (target_at < a.size()) {
    const std::string word = span(a, target_at + 1, a.size());
    const std::string lower = bot::utf8::to_lower_ascii(word);
    if (lower == "全体" || lower == "全小区" || lower == "全部" || lower == "all") {
      // the whole community
    } else if (auto b = parse_scope_building(word)) {
      m.building = b;
    } else if (auto c = category_from_name(word)) {
      m.category = std::string(domain::to_text(*c));
    } else {
      return ctx.fail("meeting.bad_target", fmt::arg("word", word));
    }
  }
  m.created_by = ctx.who.member.id;
  m.id = domain::meetings::call_meeting(ctx.svc, m);
  storage::meeting_store store(ctx.db().database);
  const auto stored = store.get(m.id);
  const std::size_t reached = domain::meetings::tell_audience(
      ctx.svc, store, *stored,
      [&](bot::locale l) { return bot::outgoing::plain(meeting_notice(ctx.svc, l, *stored)); },
      domain::meetings::meeting_ref(m.id));
  ctx.db().audit.record(ctx.who.member.id, "meeting.call", domain::meetings::meeting_ref(m.id), m.title,
                        ctx.now());
  ctx.reply(ctx.text(m.category ? "meeting.called_people" : "meeting.called_groups", fmt::arg("id", m.id),
                     fmt::arg("title", m.title),
                     fmt::arg("time", meeting_time(ctx.svc, ctx.lang, m.starts_at)), fmt::arg("n", reached)));
  return std::nullopt;
}

}  // namespace commands
