// The overview: a period's figures as 统计 words them, drawn — tickets per day (per month over a
// long period) by category, the most common problems, resolution times, SLA breaches, ratings
// over time, complaints against the baseline and the goal, buildings, staff, votes' turnout and
// the latest survey's items.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/duration_text.hpp"
#include "commands/emergency_view.hpp"
#include "commands/report_period.hpp"
#include "commands/stats_report.hpp"
#include "domain/stats/day_sums.hpp"
#include "domain/stats/figures.hpp"
#include "domain/units/address.hpp"
#include "storage/stores.hpp"
#include "storage/survey_store.hpp"
#include "storage/trend_store.hpp"
#include "web/charts.hpp"
#include "web/frame.hpp"
#include "web/html.hpp"
#include "web/pages.hpp"

namespace web {
namespace {

constexpr int overview_categories = 6;   // stacked in the daily chart; the rest are "other"
constexpr int days_per_column_max = 62;  // longer periods are drawn per month
constexpr int overview_emergencies = 10;
constexpr int overview_surveys_read = 20;  // the newest closed one is among them

std::string day_label(std::int64_t day, bool month) {
  const std::chrono::year_month_day d{std::chrono::sys_days{std::chrono::days{day}}};
  if (month) return fmt::format("{}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()));
  return fmt::format("{:02}-{:02}", static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

struct day_series {
  std::vector<std::string> columns;
  std::vector<stack> by_category;
  std::vector<stack> rating;
};

// Columns from the period's first to last local day (or month), categories most first.
day_series series_of(bot::services& svc, bot::locale l, const storage::period_span& span, int offset_minutes,
                     const std::vector<storage::day_count>& rows) {
  const std::int64_t offset_ms = std::int64_t{offset_minutes} * 60'000;
  const std::int64_t first = (span.from + offset_ms) / 86'400'000,
                     last = (span.to - 1 + offset_ms) / 86'400'000;
  const bool monthly = last - first + 1 > days_per_column_max;
  day_series s;
  std::map<std::string, std::size_t> column_of;
  for (std::int64_t d = first; d <= last; ++d) {
    const std::string label = day_label(d, monthly);
    if (column_of.emplace(label, s.columns.size()).second) s.columns.push_back(label);
  }
  std::map<std::string, std::int64_t> totals;
  for (const auto& r : rows) totals[r.category] += r.tickets;
  std::vector<std::pair<std::int64_t, std::string>> ranked;
  for (const auto& [c, n] : totals) ranked.emplace_back(-n, c);
  std::sort(ranked.begin(), ranked.end());
  std::map<std::string, std::size_t> stack_of;
  for (const auto& [n, c] : ranked) {
    if (static_cast<int>(s.by_category.size()) == overview_categories) break;
    stack_of[c] = s.by_category.size();
    s.by_category.push_back({commands::category_name(svc, l, c), std::vector<double>(s.columns.size())});
  }
  if (ranked.size() > static_cast<std::size_t>(overview_categories))
    s.by_category.push_back({svc.t(l, "web.other"), std::vector<double>(s.columns.size())});
  std::vector<double> rated(s.columns.size()), total(s.columns.size());
  for (const auto& r : rows) {
    auto col = column_of.find(day_label(r.day, monthly));
    if (col == column_of.end()) continue;
    auto k = stack_of.find(r.category);
    s.by_category[k == stack_of.end() ? s.by_category.size() - 1 : k->second].values[col->second] +=
        r.tickets;
    rated[col->second] += r.rated;
    total[col->second] += r.rating_total;
  }
  stack avg{svc.t(l, "web.average_rating"), std::vector<double>(s.columns.size())};
  for (std::size_t i = 0; i < s.columns.size(); ++i) avg.values[i] = rated[i] > 0 ? total[i] / rated[i] : 0;
  s.rating.push_back(std::move(avg));
  return s;
}

std::string figure_row(const std::string& name, const std::string& value) {
  return fmt::format("<tr><th>{}</th><td>{}</td></tr>", escape(name), escape(value));
}

}  // namespace

bot::http_response overview_page(bot::services& svc, const viewer& v, const bot::http_request& req) {
  if (!v.manager()) return see_other("/dashboard/tickets");
  const auto l = v.lang;
  const auto t = [&](std::string_view id) { return svc.t(l, id); };
  const int offset = svc.cfg.community.utc_offset_minutes;
  const std::int64_t now = svc.clk.now_ms();
  std::string asked = req.query_param("p");
  std::string body;
  auto p = commands::parse_period(asked.empty() ? "本月" : asked, now, offset);
  if (!p) {
    body += fmt::format("<p class=\"error\">{}</p>", escape(t("web.bad_period")));
    p = commands::parse_period("本月", now, offset);
  }
  const storage::period_span span{v.community_id, p->from, p->to};
  const auto f =
      domain::stats::gather(svc, span, commands::baseline_of(svc, v.community_id, *p, now),
                            [&](const std::string& c) { return commands::category_name(svc, l, c); });
  storage::trend_store trends(svc.db.database);
  std::vector<storage::day_count> days;
  std::array<std::int64_t, storage::fix_bucket_hours.size() + 1> fix{};
  if (domain::stats::read_from_sums(span, offset)) {  // a long period: from the per-day sums
    using domain::stats::day_counter;
    domain::stats::time_histogram fixed_all;
    domain::stats::each_day_sum(
        svc, v.community_id, domain::stats::local_day(span.from, offset),
        domain::stats::local_day(span.to - 1, offset), storage::day_sums_store::dims::totals_and_categories,
        [&](const storage::day_sum_row& r, const domain::stats::day_counters& c) {
          const auto at = [&](day_counter k) { return c[static_cast<std::size_t>(k)]; };
          if (r.dim.empty()) fixed_all.merge_packed(r.fix);
          if (r.dim.starts_with("c:"))
            days.push_back({r.day, r.dim.substr(2), at(day_counter::created), at(day_counter::rated),
                            at(day_counter::rating_total)});
        });
    std::int64_t below = 0;
    for (std::size_t i = 0; i < storage::fix_bucket_hours.size(); ++i) {
      const std::int64_t n = fixed_all.count_below(std::int64_t{storage::fix_bucket_hours[i]} * 3'600'000);
      fix[i] = n - below;
      below = n;
    }
    fix.back() = fixed_all.count() - below;
  } else {
    days = trends.per_day(span, offset);
    fix = trends.fix_times(span);
  }
  const auto series = series_of(svc, l, span, offset, days);
  const auto& c = f.counts;

  body += fmt::format(
      "<form class=\"period\" method=\"get\" action=\"/dashboard\">{}<label>{} "
      "<input name=\"p\" value=\"{}\" list=\"periods\"></label><datalist id=\"periods\">",
      v.hidden_field(), escape(t("web.period")), escape(commands::period_text(svc.t, l, *p)));
  for (const char* word : {"今天", "昨天", "本周", "上周", "本月", "上月", "今年", "去年"})
    body += fmt::format("<option value=\"{}\">", word);
  body += fmt::format("</datalist><button>{}</button></form>\n", escape(t("web.show")));

  const auto spread_text = [&](const domain::stats::spread& s) {
    if (!s.median) return t("common.unknown");
    return svc.t(l, "stats.spread", fmt::arg("median", bot::duration_text(svc.t, l, *s.median)),
                 fmt::arg("p90", bot::duration_text(svc.t, l, *s.p90)));
  };
  body += "<section class=\"figures\"><table>";
  body +=
      figure_row(t("web.created"), fmt::format("{} ({} {} · {} {} · {} {})", c.created,
                                               t("ticket.kind.repair"), c.repairs, t("ticket.kind.complaint"),
                                               c.complaints, t("ticket.kind.suggestion"), c.suggestions));
  body += figure_row(t("web.open_resolved"),
                     fmt::format("{} / {} / {}", c.open, c.resolved + c.closed, c.cancelled));
  body += figure_row(t("web.response"), spread_text(f.response));
  body += figure_row(t("web.fix"), spread_text(f.fix));
  body +=
      figure_row(t("web.rating"),
                 fmt::format("{} ({} · {} {})", commands::average_rating(svc, l, c.rating_total, c.rated),
                             c.rated, t("web.low_share"), commands::stats_percent(f.low_ratings, c.rated)));
  body += figure_row(t("web.complaints"), f.complaints
                                              ? commands::complaints_text(svc, l, *f.complaints)
                                              : svc.t(l, "stats.no_baseline", fmt::arg("n", c.complaints)));
  body += "</table></section>\n<section class=\"charts\">";

  body += column_chart(t("web.chart.per_day"), series.columns, series.by_category);
  std::vector<bar> problems;
  for (const auto& pr : f.problems) {
    std::string label = commands::category_name(svc, l, pr.category);
    if (!pr.words.empty()) {
      label += "（";
      for (std::size_t i = 0; i < pr.words.size() && i < 3; ++i) label += (i ? "、" : "") + pr.words[i];
      label += "）";
    }
    problems.push_back({label, static_cast<double>(pr.n), {}});
  }
  body += bar_chart(t("web.chart.problems"), problems);

  std::vector<std::string> buckets;
  stack fixed{t("web.resolved"), {}};
  for (std::size_t i = 0; i < fix.size(); ++i) {
    const char* id = i < storage::fix_bucket_hours.size() ? "web.fix_under" : "web.fix_over";
    const int hours = storage::fix_bucket_hours[std::min(i, storage::fix_bucket_hours.size() - 1)];
    buckets.push_back(
        svc.t(l, id, fmt::arg("time", bot::duration_text(svc.t, l, std::int64_t{hours} * 3'600'000))));
    fixed.values.push_back(static_cast<double>(fix[i]));
  }
  body += column_chart(t("web.chart.fix_times"), buckets, {fixed});

  const std::int64_t counted = c.created - c.cancelled;
  body +=
      bar_chart(t("web.chart.sla"),
                {{t("web.late_response"), counted > 0 ? 100.0 * c.late_response / counted : 0,
                  fmt::format("{} ({})", commands::stats_percent(c.late_response, counted), c.late_response)},
                 {t("web.late_fix"), counted > 0 ? 100.0 * c.late_fix / counted : 0,
                  fmt::format("{} ({})", commands::stats_percent(c.late_fix, counted), c.late_fix)}},
                100);
  body += column_chart(t("web.chart.ratings"), series.columns, series.rating);

  if (f.complaints && f.complaints->baseline) {
    const auto& g = *f.complaints;
    const double target = static_cast<double>(*g.baseline) * (100 - g.target_percent) / 100.0;
    body += bar_chart(t("web.chart.complaints"), {{t("web.baseline"), static_cast<double>(*g.baseline), {}},
                                                  {t("web.target"), target, fmt::format("{:.0f}", target)},
                                                  {t("web.this_period"), static_cast<double>(g.now), {}}});
  } else {
    body +=
        bar_chart(t("web.chart.complaints"), {{t("web.this_period"), static_cast<double>(c.complaints), {}}});
  }

  std::vector<bar> buildings;
  for (const auto& [b, n] : f.buildings)
    buildings.push_back({domain::units::unit_address{b, "", ""}.masked(l), static_cast<double>(n), {}});
  body += bar_chart(t("web.chart.buildings"), buildings);

  std::vector<bar> turnout;
  for (const auto& vt : trends.votes(span)) {
    const std::string label = fmt::format("#{} {}", vt.id, vt.title);
    if (vt.electorate_rooms > 0)
      turnout.push_back(
          {label, 100.0 * vt.voted_rooms / vt.electorate_rooms,
           fmt::format("{} ({}/{})", commands::stats_percent(vt.voted_rooms, vt.electorate_rooms),
                       vt.voted_rooms, vt.electorate_rooms)});
    else  // a poll has no electorate: its voters, without a bar
      turnout.push_back({label, 0, svc.t(l, "web.voters", fmt::arg("n", vt.voted_heads))});
  }
  body += bar_chart(t("web.chart.votes"), turnout, 100);

  // Acknowledged by households of the roster, as 紧急通知 N 确认 counts them.
  std::vector<bar> acks;
  for (const std::int64_t id : trends.emergencies(span, overview_emergencies)) {
    const auto e = svc.db.emergencies.get(id);
    if (!e) continue;
    std::int64_t households = 0, acked = 0;
    for (const auto& h : svc.db.emergencies.household_acks(id, e->community_id, e->building)) {
      households += h.total;
      acked += h.acked;
    }
    acks.push_back(
        {fmt::format("#{} {}", id, commands::emergency_title(svc, l, *e)),
         households > 0 ? 100.0 * acked / households : 0,
         fmt::format("{} ({}/{})", commands::stats_percent(acked, households), acked, households)});
  }
  body += bar_chart(t("web.chart.acks"), acks, 100);

  // The newest survey whose deadline has passed: its items' average scores.
  storage::survey_store surveys(svc.db.database);
  std::int64_t survey_id = 0;
  for (const auto& s : surveys.list(v.community_id, overview_surveys_read))
    if (s.deadline <= now) {
      survey_id = s.id;
      break;
    }
  std::vector<bar> items;
  for (const auto& item : survey_id ? surveys.items(survey_id) : std::vector<storage::survey_item_row>{}) {
    std::int64_t scored = 0, total = 0;
    for (std::size_t k = 0; k < item.scores.size(); ++k) {
      scored += item.scores[k];
      total += std::int64_t{item.scores[k]} * static_cast<std::int64_t>(k + 1);
    }
    items.push_back({l == bot::locale::en_US ? item.name_en : item.name_zh,
                     scored > 0 ? static_cast<double>(total) / scored : 0,
                     scored > 0 ? fmt::format("{:.1f} ({})", static_cast<double>(total) / scored, scored)
                                : t("common.unknown")});
  }
  body += bar_chart(
      survey_id ? svc.t(l, "web.chart.survey", fmt::arg("id", survey_id)) : t("web.chart.no_survey"), items,
      5);
  body += "</section>\n";

  const auto& a = f.activity;
  body += fmt::format("<p class=\"activity\">{}</p>",
                      escape(svc.t(l, "stats.activity", fmt::arg("notices", a.notices),
                                   fmt::arg("emergencies", a.emergencies), fmt::arg("acks", a.emergency_acks),
                                   fmt::arg("visits", a.visits), fmt::arg("visited", a.buildings_visited),
                                   fmt::arg("buildings", a.buildings), fmt::arg("votes", a.votes),
                                   fmt::arg("surveys", a.surveys))));

  body += fmt::format(
      "<h2>{}</h2><table "
      "class=\"list\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
      escape(t("web.staff")), escape(t("web.name")), escape(t("web.taken")), escape(t("web.resolved")),
      escape(t("web.fix_median")), escape(t("web.late")), escape(t("web.rating")));
  for (const auto& s : f.staff) {
    auto m = svc.db.members.get(s.member_id);
    body +=
        fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(m ? m->display_name : std::to_string(s.member_id)), s.taken, s.resolved,
                    escape(s.fix.median ? bot::duration_text(svc.t, l, *s.fix.median) : t("common.unknown")),
                    s.late, escape(commands::average_rating(svc, l, s.rating_total, s.rated)));
  }
  body += "</table>\n";
  return html(200, framed_page(svc, v, "web.overview", body));
}

}  // namespace web
