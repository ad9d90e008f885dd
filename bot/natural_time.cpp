#include "bot/natural_time.hpp"

#include <array>
#include <chrono>
#include <string>

#include "bot/clock.hpp"
#include "bot/text_cursor.hpp"

namespace bot {
namespace {

namespace chr = std::chrono;

using cursor = text_cursor;

enum class half { none, morning, noon, afternoon, evening, small_hours, midnight };

struct day_read {
  chr::sys_days day;
  half implied = half::none;
};

chr::sys_days today_of(std::int64_t now_ms, const local_time_zone& tz) {
  const std::int64_t local = now_ms + tz.utc_offset_minutes * minute_ms;
  return chr::sys_days{chr::days{(local - ((local % day_ms) + day_ms) % day_ms) / day_ms}};
}

std::optional<int> weekday_word(cursor& c) {
  static constexpr std::array<std::pair<std::string_view, int>, 10> zh = {{{"一", 1},
                                                                           {"二", 2},
                                                                           {"三", 3},
                                                                           {"四", 4},
                                                                           {"五", 5},
                                                                           {"六", 6},
                                                                           {"日", 7},
                                                                           {"天", 7},
                                                                           {"末", 6},
                                                                           {"七", 7}}};
  for (const auto& [w, n] : zh)
    if (c.eat(w)) return n;
  if (c.at_digit()) {
    auto n = c.digits(1);
    if (n && *n >= 1 && *n <= 7) return n;
  }
  return std::nullopt;
}

std::optional<int> english_weekday(cursor& c) {
  static constexpr std::array<std::pair<std::string_view, int>, 14> en = {{{"monday", 1},
                                                                           {"tuesday", 2},
                                                                           {"wednesday", 3},
                                                                           {"thursday", 4},
                                                                           {"friday", 5},
                                                                           {"saturday", 6},
                                                                           {"sunday", 7},
                                                                           {"mon", 1},
                                                                           {"tue", 2},
                                                                           {"wed", 3},
                                                                           {"thu", 4},
                                                                           {"fri", 5},
                                                                           {"sat", 6},
                                                                           {"sun", 7}}};
  for (const auto& [w, n] : en)
    if (c.eat(w)) return n;
  return std::nullopt;
}

// 周三, 下周三, 这周五, 下下个星期一, next wed, friday.
// `bare`: no 这/下 before it ("周五"), so that a Friday evening's "周五 18:00" means next Friday.
std::optional<chr::sys_days> read_weekday(cursor& c, chr::sys_days today, bool& bare) {
  const std::size_t start = c.i;
  int weeks = -1;  // -1: the next such day from today on
  if (c.eat_any("下下个", "下下"))
    weeks = 2;
  else if (c.eat_any("下个", "下"))
    weeks = 1;
  else if (c.eat_any("这个", "这", "本"))
    weeks = 0;
  else if (c.eat("next "))
    weeks = 1;
  else if (c.eat("this "))
    weeks = 0;
  std::optional<int> wd;
  if (c.eat_any("周", "星期", "礼拜"))
    wd = weekday_word(c);
  else
    wd = english_weekday(c);
  if (!wd) {
    c.i = start;
    return std::nullopt;
  }
  const unsigned today_wd = chr::weekday{today}.iso_encoding();  // Monday 1 … Sunday 7
  bare = weeks < 0;
  if (weeks < 0) return today + chr::days{(*wd - static_cast<int>(today_wd) + 7) % 7};
  const chr::sys_days monday = today - chr::days{today_wd - 1};
  return monday + chr::days{7 * weeks + *wd - 1};
}

std::optional<day_read> read_relative(cursor& c, chr::sys_days today) {
  struct word {
    std::string_view text;
    int days;
    half implied;
  };
  static constexpr std::array<word, 17> words = {{{"大后天", 3, half::none},
                                                  {"后天", 2, half::none},
                                                  {"明天", 1, half::none},
                                                  {"明日", 1, half::none},
                                                  {"明晚", 1, half::evening},
                                                  {"明早", 1, half::morning},
                                                  {"明晨", 1, half::morning},
                                                  {"今天", 0, half::none},
                                                  {"今日", 0, half::none},
                                                  {"今晚", 0, half::evening},
                                                  {"今早", 0, half::morning},
                                                  {"今晨", 0, half::morning},
                                                  {"day after tomorrow", 2, half::none},
                                                  {"tomorrow", 1, half::none},
                                                  {"today", 0, half::none},
                                                  {"tonight", 0, half::evening},
                                                  {"今夜", 0, half::evening}}};
  for (const auto& w : words)
    if (c.eat(w.text)) return day_read{today + chr::days{w.days}, w.implied};
  return std::nullopt;
}

// 2026-12-20, 2026/12/20, 2026.12.20, 2026年12月20日, 12-20, 12/20, 12月20日, 十二月二十号, 20号.
// Without a year: this year, or next when the day has passed; a day alone: this month or next.
std::optional<chr::sys_days> read_calendar(cursor& c, chr::sys_days today, bool& bad) {
  const std::size_t start = c.i;
  const chr::year_month_day now{today};
  auto a = c.number(4);
  if (!a) return std::nullopt;
  int year = 0, month = 0, day = 0;
  if (c.eat_any("-", "/", ".", "年")) {
    auto b = c.number(2);
    if (!b) {
      c.i = start;
      return std::nullopt;
    }
    if (c.eat_any("-", "/", ".", "月")) {
      auto d = c.number(2);
      if (!d) {
        c.i = start;
        return std::nullopt;
      }
      year = *a, month = *b, day = *d;
      c.eat_any("日", "号");
    } else {
      month = *a, day = *b;
      c.eat_any("日", "号");
    }
  } else if (c.eat("月")) {
    auto d = c.number(2);
    if (!d || !c.eat_any("日", "号")) {
      if (!d) {
        c.i = start;
        return std::nullopt;
      }
    }
    month = *a, day = *d;
  } else if (c.eat_any("日", "号")) {
    day = *a;
  } else {
    c.i = start;
    return std::nullopt;
  }
  c.eat("t");  // ISO 8601 "2026-12-20T18:00"
  if (year != 0 && year < 100) year += 2000;
  if (day < 1 || day > 31 || month > 12 || (year != 0 && (year < 2000 || year > 2200))) {
    bad = true;
    return std::nullopt;
  }
  auto make = [&](int y, int m) { return chr::year_month_day{chr::year{y}, chr::month(m), chr::day(day)}; };
  chr::year_month_day ymd;
  if (year != 0) {
    ymd = make(year, month);
  } else if (month != 0) {
    ymd = make(static_cast<int>(now.year()), month);
    if (ymd.ok() && chr::sys_days{ymd} < today) ymd = make(static_cast<int>(now.year()) + 1, month);
  } else {
    ymd = make(static_cast<int>(now.year()), static_cast<int>(static_cast<unsigned>(now.month())));
    if (ymd.ok() && chr::sys_days{ymd} < today) {
      const chr::year_month next = chr::year_month{now.year(), now.month()} + chr::months{1};
      ymd = chr::year_month_day{next.year(), next.month(), chr::day(day)};
    }
  }
  if (!ymd.ok()) {
    bad = true;
    return std::nullopt;
  }
  return chr::sys_days{ymd};
}

half read_half(cursor& c) {
  if (c.eat("凌晨")) return half::small_hours;
  if (c.eat_any("半夜", "午夜")) return half::midnight;
  if (c.eat_any("早上", "早晨", "上午", "清晨", "早")) return half::morning;
  if (c.eat("中午")) return half::noon;
  if (c.eat_any("下午", "午后")) return half::afternoon;
  if (c.eat_any("傍晚", "晚上", "夜里", "夜间", "晚")) return half::evening;
  return half::none;
}

struct clock_read {
  int hour = 0, minute = 0;
  bool twenty_four = false;  // "19:30": no doubt about the half of the day
  half suffix = half::none;  // "6pm"
};

// 18:00, 9:05, 7点, 7点半, 7点15, 7点15分, 7点一刻, 7点整, 19时, 6pm, 6:30pm, 9am.
std::optional<clock_read> read_clock(cursor& c, bool& bad) {
  const std::size_t start = c.i;
  auto h = c.number(2);
  if (!h) return std::nullopt;
  clock_read t;
  t.hour = *h;
  if (c.eat(":")) {
    auto m = c.digits(2);
    if (!m) {
      bad = true;
      return std::nullopt;
    }
    t.minute = *m;
    t.twenty_four = true;
  } else if (c.eat_any("点", "时")) {
    if (c.eat("半"))
      t.minute = 30;
    else if (c.eat("一刻"))
      t.minute = 15;
    else if (c.eat("三刻"))
      t.minute = 45;
    else if (c.eat("整"))
      t.minute = 0;
    else if (auto m = c.number(2)) {
      t.minute = *m;
      c.eat("分");
    }
  } else if (!c.s.compare(c.i, 2, "am") || !c.s.compare(c.i, 2, "pm") || !c.s.compare(c.i, 3, " am") ||
             !c.s.compare(c.i, 3, " pm")) {
    // handled below
  } else {
    c.i = start;
    return std::nullopt;
  }
  c.spaces();
  if (c.eat_any("am", "a.m."))
    t.suffix = half::morning;
  else if (c.eat_any("pm", "p.m."))
    t.suffix = half::afternoon;
  if (t.hour > 24 || t.minute > 59 || (t.hour == 24 && t.minute != 0)) {
    bad = true;
    return std::nullopt;
  }
  return t;
}

// The hour of the day, or nothing when the half of the day cannot be told.
std::optional<int> resolve_hour(const clock_read& t, half h, bool& bad) {
  if (t.suffix != half::none) h = t.suffix;
  int hour = t.hour;
  switch (h) {
    case half::none:
      if (t.twenty_four || hour == 0 || hour >= 13) return hour;
      return std::nullopt;  // 7点: morning or evening?
    case half::small_hours:
    case half::morning:
      if (hour > 12) bad = true;
      return hour == 12 ? 0 : hour;
    case half::noon:
      if (hour >= 11 && hour <= 12) return hour;
      if (hour >= 1 && hour <= 3) return hour + 12;
      if (hour >= 13 && hour <= 15) return hour;
      bad = true;
      return std::nullopt;
    case half::midnight:  // 半夜12点 ends the day; 半夜2点 may be either night
      if (hour == 12 || hour == 24 || hour == 0) return 24;
      return std::nullopt;
    case half::evening:  // 晚上1点 is 01:00 of the next day to some, 13:00 to nobody
      if (hour >= 1 && hour <= 4) return std::nullopt;
      [[fallthrough]];
    case half::afternoon:
      if (hour >= 1 && hour <= 11) return hour + 12;
      if (hour == 12) return h == half::evening ? 24 : 12;
      if (hour >= 13 && hour <= 24) return hour;
      bad = true;
      return std::nullopt;
  }
  return std::nullopt;
}

moment_read fail(time_problem p) {
  return moment_read{std::nullopt, p};
}

}  // namespace

moment_read read_moment(std::string_view text, std::int64_t now_ms, const local_time_zone& tz,
                        bool end_of_day) {
  cursor c{fold_for_reading(text)};
  const chr::sys_days today = today_of(now_ms, tz);
  bool bad = false;
  c.spaces();
  std::optional<chr::sys_days> day;
  bool bare_weekday = false;
  half h = half::none;
  if (auto r = read_relative(c, today)) {
    day = r->day;
    h = r->implied;
  } else if (auto w = read_weekday(c, today, bare_weekday)) {
    day = w;
  } else {
    day = read_calendar(c, today, bad);
  }
  if (bad) return fail(time_problem::unreadable);
  c.spaces();
  if (half said = read_half(c); said != half::none) h = said;
  c.spaces();
  auto clock = read_clock(c, bad);
  if (bad) return fail(time_problem::unreadable);
  c.spaces();
  c.eat_any("之前", "以前", "为止", "前", "截止");
  c.spaces();
  if (!c.done() || (!day && !clock)) return fail(time_problem::unreadable);
  const std::int64_t offset = tz.utc_offset_minutes * minute_ms;
  const chr::sys_days on = day.value_or(today);
  const std::int64_t midnight = on.time_since_epoch().count() * day_ms - offset;
  std::int64_t at = 0;
  if (!clock) {
    if (h != half::none || !end_of_day) return fail(time_problem::no_time);
    at = midnight + day_ms - minute_ms;  // 23:59
  } else {
    auto hour = resolve_hour(*clock, h, bad);
    if (bad) return fail(time_problem::unreadable);
    if (!hour) return fail(time_problem::ambiguous);
    at = midnight + *hour * hour_ms + clock->minute * minute_ms;
  }
  if (at <= now_ms && bare_weekday) at += 7 * day_ms;  // "周五 18:00" said on Friday evening
  if (at <= now_ms) return fail(time_problem::past);
  return moment_read{at, time_problem::unreadable};
}

}  // namespace bot
