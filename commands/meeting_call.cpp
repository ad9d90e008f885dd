#include "commands/meeting_call.hpp"

#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/local_time.hpp"
#include "bot/natural_time.hpp"
#include "bot/utf8.hpp"
#include "commands/audience_words.hpp"
#include "commands/meeting_view.hpp"
#include "commands/moment_words.hpp"
#include "domain/meetings/audience.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

constexpr std::size_t max_meeting_title_points = 60;
constexpr std::size_t max_place_points = 60;
constexpr std::size_t max_title_words = 6;
constexpr std::size_t max_time_words = 5;

// "19:00-21:00", "晚上7点至9点": a meeting's end is not its time; the start is read.
std::string without_end(const std::string& text) {
  for (std::string_view sep : {"-", "~", "～", "—", "至", "到"}) {
    const std::size_t at = text.rfind(sep);
    if (at == std::string::npos || at == 0) continue;
    const std::string_view left = std::string_view(text).substr(0, at);
    const std::string_view right = std::string_view(text).substr(at + sep.size());
    const bool right_is_time = right.size() <= 12 && (right.find(':') != std::string_view::npos ||
                                                      right.find("点") != std::string_view::npos);
    const char last = left.back();
    const bool left_ends_time =
        (last >= '0' && last <= '9') || left.ends_with("点") || left.ends_with("半") || left.ends_with("分");
    if (right_is_time && left_ends_time && left.find_first_of(":") != std::string_view::npos)
      return std::string(left);
    if (right_is_time && left_ends_time && left.find("点") != std::string_view::npos)
      return std::string(left);
  }
  return text;
}

// A word that tries to be a date ("上周五", "12月20日", "2026-12-20"): it never becomes part of a
// title, or an unreadable date would leave a meeting at today's hour.
bool looks_like_date(std::string_view word) {
  for (std::string_view marker :
       {"周", "星期", "礼拜", "月", "日", "号", "今天", "明天", "后天", "今晚", "明晚"})
    if (word.find(marker) != std::string_view::npos) return true;
  const bool digits = word.find_first_of("0123456789") != std::string_view::npos;
  return digits && word.find_first_of("-/:.") != std::string_view::npos;
}

struct when_read {
  std::size_t begin = 0, end = 0;  // the tokens of the time
  std::int64_t at = 0;
};

// The title is the words before the time; the time the longest run of words after it that reads
// as a moment. Else the reply saying why not.
std::optional<bot::failure> read_start(const bot::context& ctx, const bot::args& a, std::size_t limit,
                                       when_read& w) {
  const bot::local_time_zone tz{ctx.svc.cfg.community.utc_offset_minutes};
  std::optional<std::pair<std::size_t, std::size_t>> telling;  // a time with a problem other than unreadable
  // A title of a few words, a time of a few: bounded, however long the message.
  for (std::size_t from = 1; from < std::min<std::size_t>(limit, 1 + max_title_words); ++from) {
    if (from > 1 && looks_like_date(a[from - 1])) break;
    for (std::size_t k = std::min(limit, from + max_time_words); k > from; --k) {
      auto r = bot::read_moment(without_end(words_between(a, from, k)), ctx.now(), tz, false);
      if (r.at) {
        w = {from, k, *r.at};
        return std::nullopt;
      }
      if (!telling && r.problem != bot::time_problem::unreadable) telling = {from, k};
    }
  }
  std::int64_t unused = 0;
  const auto [from, to] =
      telling.value_or(std::pair<std::size_t, std::size_t>{1, std::min<std::size_t>(limit, 3)});
  if (from >= to) return ctx.usage();
  return read_when(ctx, without_end(words_between(a, from, to)), false, unused).value_or(ctx.usage());
}

}  // namespace

bot::command_result call_meeting_command(bot::context& ctx, const bot::args& a) {
  if (!at_least(ctx.who.level, bot::role::manager)) return ctx.fail("meeting.call_denied");
  if (a.size() < 2) return ctx.usage();
  audience_words to;
  if (auto f = read_audience(ctx, a, 1, to)) return f;
  const std::size_t target_at = to.at;
  storage::meeting_row m;
  m.community_id = ctx.community();
  when_read w;
  if (auto f = read_start(ctx, a, target_at, w)) return f;
  m.title = words_between(a, 0, w.begin);
  if (bot::utf8::length(m.title) > max_meeting_title_points) return ctx.fail("meeting.title_too_long");
  m.starts_at = w.at;
  m.place = words_between(a, w.end, target_at);
  if (bot::utf8::length(m.place) > max_place_points) return ctx.fail("meeting.place_too_long");
  m.building = to.building;
  m.category = to.category;
  m.created_by = ctx.who.member.id;
  m.id = domain::meetings::call_meeting(ctx.svc, m);
  storage::meeting_store store(ctx.db().database);
  const auto stored = store.get(m.id);
  const std::size_t reached = domain::meetings::tell_audience(
      ctx.svc, store, *stored,
      [&](bot::locale l) { return std::vector<std::string>{meeting_notice(ctx.svc, l, *stored)}; },
      domain::meetings::meeting_ref(m.id));
  ctx.db().audit.record(ctx.who.member.id, "meeting.call", domain::meetings::meeting_ref(m.id), m.title,
                        ctx.now());
  const char* said = reached == 0 ? "meeting.called_nobody"
                     : m.category ? "meeting.called_people"
                                  : "meeting.called_groups";
  ctx.reply(ctx.text(said, fmt::arg("id", m.id), fmt::arg("title", meeting_title(ctx.svc, ctx.lang, *stored)),
                     fmt::arg("time", meeting_time(ctx.svc, ctx.lang, m.starts_at)), fmt::arg("n", reached)));
  return std::nullopt;
}

}  // namespace commands
