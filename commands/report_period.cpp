#include "commands/report_period.hpp"

#include <fmt/format.h>

#include <ctime>

#include "bot/clock.hpp"
#include "bot/local_time.hpp"
#include "bot/text_cursor.hpp"
#include "bot/utf8.hpp"

namespace commands {
namespace {

using bot::day_ms;
using bot::minute_ms;

// A local calendar date; `d` 0 for a whole month, `m` 0 for a whole year.
struct date_words {
  int y = 0, m = 0, d = 0;
};

std::int64_t local_ms(int y, int m, int d) {  // local midnight, as if local time were UTC
  std::tm t{};
  t.tm_year = y - 1900;
  t.tm_mon = m - 1;
  t.tm_mday = d;
  return static_cast<std::int64_t>(timegm(&t)) * 1000;
}

// "2026-11-05", "2026/11", "2026.11.5", "2026年11月5日", "2026年": the cursor moves past it.
std::optional<date_words> read_date(bot::text_cursor& c) {
  const std::size_t start = c.i;
  auto fail = [&]() -> std::optional<date_words> {
    c.i = start;
    return std::nullopt;
  };
  auto y = c.digits(4);
  if (!y || *y < 2000 || *y > 2100) return fail();
  date_words w{*y, 0, 0};
  const bool chinese = c.eat("年");
  if (!chinese && !c.eat_any("-", "/", ".")) return w;
  if (auto m = c.digits(2)) {
    if (*m < 1 || *m > 12) return fail();
    w.m = *m;
  } else {
    return chinese ? std::optional(w) : fail();
  }
  const bool month_word = c.eat("月");
  if (chinese != month_word) return fail();
  if (!chinese && !c.eat_any("-", "/", ".")) return w;
  if (auto d = c.digits(2)) {
    if (*d < 1 || *d > 31) return fail();
    w.d = *d;
    if (chinese && !c.eat_any("日", "号")) return fail();
    // 2026-02-31 is no day.
    std::tm t{};
    t.tm_year = w.y - 1900;
    t.tm_mon = w.m - 1;
    t.tm_mday = w.d;
    const std::time_t secs = timegm(&t);
    std::tm back{};
    gmtime_r(&secs, &back);
    if (back.tm_mday != w.d) return fail();
  } else if (!chinese) {
    return fail();
  }
  return w;
}

// [first day, day after the last) of what the words name.
std::pair<std::int64_t, std::int64_t> span(const date_words& w) {
  if (w.m == 0) return {local_ms(w.y, 1, 1), local_ms(w.y + 1, 1, 1)};
  if (w.d == 0) return {local_ms(w.y, w.m, 1), local_ms(w.y, w.m + 1, 1)};
  const std::int64_t day = local_ms(w.y, w.m, w.d);
  return {day, day + day_ms};
}

std::string label_of(const date_words& w) {
  if (w.m == 0) return std::to_string(w.y);
  if (w.d == 0) return fmt::format("{:04}-{:02}", w.y, w.m);
  return fmt::format("{:04}-{:02}-{:02}", w.y, w.m, w.d);
}

std::optional<period> typed_dates(std::string_view word) {
  bot::text_cursor c{bot::fold_for_reading(bot::utf8::trim(word))};
  auto first = read_date(c);
  if (!first) return std::nullopt;
  c.spaces();
  auto [from, to] = span(*first);
  std::string label = label_of(*first);
  if (c.eat_any("~", "～", "至", "到")) {
    c.spaces();
    auto last = read_date(c);
    if (!last) return std::nullopt;
    to = span(*last).second;
    label += "~" + label_of(*last);
    if (to <= from) return std::nullopt;
  }
  c.spaces();
  if (!c.done()) return std::nullopt;
  return period{from, to, "", label};
}

}  // namespace

std::optional<period> parse_period(std::string_view w, std::int64_t now, int offset_minutes) {
  // Worked out in local time (so gmtime_r gives the local calendar), shifted back at the end.
  const std::int64_t offset = offset_minutes * minute_ms;
  const std::int64_t day_start = bot::local_time_zone{offset_minutes}.day_start(now) + offset;
  std::time_t secs = static_cast<std::time_t>(day_start / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  const int weekday = (tm.tm_wday + 6) % 7;  // Monday 0
  const std::int64_t week_start = day_start - weekday * day_ms;
  const int year = tm.tm_year + 1900, month = tm.tm_mon + 1;
  const std::string lower = bot::utf8::to_lower_ascii(bot::utf8::trim(w));
  w = lower;
  period p;
  if (w.empty() || w == "本周" || w == "this week" || w == "week") {
    p = {week_start, week_start + 7 * day_ms, "period.this_week", ""};
  } else if (w == "今天" || w == "today") {
    p = {day_start, day_start + day_ms, "period.today", ""};
  } else if (w == "昨天" || w == "yesterday") {
    p = {day_start - day_ms, day_start, "period.yesterday", ""};
  } else if (w == "上周" || w == "last week") {
    p = {week_start - 7 * day_ms, week_start, "period.last_week", ""};
  } else if (w == "本月" || w == "this month" || w == "month") {
    p = {local_ms(year, month, 1), local_ms(year, month + 1, 1), "period.this_month", ""};
  } else if (w == "上月" || w == "last month") {
    p = {local_ms(year, month - 1, 1), local_ms(year, month, 1), "period.last_month", ""};
  } else if (w == "今年" || w == "this year" || w == "year") {
    p = {local_ms(year, 1, 1), local_ms(year + 1, 1, 1), "period.this_year", ""};
  } else if (w == "去年" || w == "last year") {
    p = {local_ms(year - 1, 1, 1), local_ms(year, 1, 1), "period.last_year", ""};
  } else if (auto typed = typed_dates(w)) {
    p = *typed;
  } else {
    return std::nullopt;
  }
  p.from -= offset;
  p.to -= offset;
  return p;
}

period year_before(const period& p, int offset_minutes) {
  const std::int64_t offset = offset_minutes * minute_ms;
  auto back = [&](std::int64_t at) {
    const std::int64_t local = at + offset;
    const std::int64_t midnight = local - ((local % day_ms) + day_ms) % day_ms;
    std::time_t secs = static_cast<std::time_t>(midnight / 1000);
    std::tm t{};
    gmtime_r(&secs, &t);
    t.tm_year -= 1;
    if (t.tm_mon == 1 && t.tm_mday == 29) t.tm_mday = 28;
    return static_cast<std::int64_t>(timegm(&t)) * 1000 + (local - midnight) - offset;
  };
  return period{back(p.from), back(p.to), "", ""};
}

std::string period_text(const bot::texts& t, bot::locale l, const period& p) {
  return p.name_id.empty() ? p.label : t(l, p.name_id);
}

}  // namespace commands
