#include "commands/stats_report.hpp"

#include "bot/clock.hpp"
#include "bot/context.hpp"
#include "bot/duration_text.hpp"
#include "commands/command_words.hpp"
#include "commands/ticket_texts.hpp"
#include "commands/ticket_view.hpp"
#include "domain/units/address.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

using domain::stats::spread;

std::string rating_text(const bot::context& ctx, std::int64_t total, std::int64_t n) {
  return average_rating(ctx.svc, ctx.lang, total, n);
}

std::string spread_text(const bot::context& ctx, const spread& s) {
  if (!s.median) return ctx.text("common.unknown");
  return ctx.text("stats.spread", fmt::arg("median", bot::duration_text(ctx.svc.t, ctx.lang, *s.median)),
                  fmt::arg("p90", bot::duration_text(ctx.svc.t, ctx.lang, *s.p90)));
}

std::string buildings_text(const bot::context& ctx,
                           const std::vector<std::pair<std::string, std::int64_t>>& rows) {
  if (rows.empty()) return ctx.text("common.unknown");
  std::string out;
  for (const auto& [b, n] : rows)
    out += (out.empty() ? "" : " · ") +
           ctx.text("stats.ranked", fmt::arg("name", domain::units::unit_address{b, "", ""}.masked(ctx.lang)),
                    fmt::arg("n", n));
  return out;
}

std::string activity_text(const bot::context& ctx, const storage::period_activity& a) {
  return ctx.text("stats.activity", fmt::arg("notices", a.notices), fmt::arg("emergencies", a.emergencies),
                  fmt::arg("acks", a.emergency_acks), fmt::arg("visits", a.visits),
                  fmt::arg("visited", a.buildings_visited), fmt::arg("buildings", a.buildings),
                  fmt::arg("votes", a.votes), fmt::arg("surveys", a.surveys));
}

std::string staff_line(const bot::context& ctx, const domain::stats::staff_figures& s) {
  auto m = ctx.db().members.get(s.member_id);
  return ctx.text("stats.staff_line", fmt::arg("name", m ? m->display_name : std::to_string(s.member_id)),
                  fmt::arg("taken", s.taken), fmt::arg("resolved", s.resolved),
                  fmt::arg("fix", s.fix.median ? bot::duration_text(ctx.svc.t, ctx.lang, *s.fix.median)
                                               : ctx.text("common.unknown")),
                  fmt::arg("late", s.late), fmt::arg("rating", rating_text(ctx, s.rating_total, s.rated)),
                  fmt::arg("rated", s.rated));
}

std::string report_text(const bot::context& ctx, const std::string& name, const domain::stats::figures& f) {
  const auto& c = f.counts;
  return ctx.text(
      "stats.report", fmt::arg("period", name), fmt::arg("created", c.created),
      fmt::arg("repairs", c.repairs), fmt::arg("complaints", c.complaints),
      fmt::arg("suggestions", c.suggestions), fmt::arg("open", c.open), fmt::arg("resolved", c.resolved),
      fmt::arg("closed", c.closed), fmt::arg("cancelled", c.cancelled),
      fmt::arg("problems", problems_text(ctx.svc, ctx.lang, f.problems)),
      fmt::arg("buildings", buildings_text(ctx, f.buildings)),
      fmt::arg("response", spread_text(ctx, f.response)), fmt::arg("fix", spread_text(ctx, f.fix)),
      fmt::arg("late_response", c.late_response),
      fmt::arg("late_response_rate", stats_percent(c.late_response, c.created - c.cancelled)),
      fmt::arg("late_fix", c.late_fix),
      fmt::arg("late_fix_rate", stats_percent(c.late_fix, c.created - c.cancelled)),
      fmt::arg("rating", rating_text(ctx, c.rating_total, c.rated)), fmt::arg("rated", c.rated),
      fmt::arg("low", f.low_ratings), fmt::arg("low_rate", stats_percent(f.low_ratings, c.rated)),
      fmt::arg("satisfied", c.visits_satisfied), fmt::arg("unsatisfied", c.visits_unsatisfied),
      fmt::arg("complaints_line", f.complaints ? complaints_text(ctx.svc, ctx.lang, *f.complaints)
                                               : ctx.text("stats.no_baseline", fmt::arg("n", c.complaints))),
      fmt::arg("activity", activity_text(ctx, f.activity)));
}

void answer_stats(bot::context& ctx, const std::string& name, bool per_staff,
                  const domain::stats::figures& f) {
  if (!at_least(ctx.who.level, bot::role::manager)) {  // staff: their own part
    auto mine = std::find_if(f.staff.begin(), f.staff.end(),
                             [&](const auto& s) { return s.member_id == ctx.who.member.id; });
    reply_staff_view(ctx, mine == f.staff.end() ? ctx.text("stats.own_none", fmt::arg("period", name))
                                                : ctx.text("stats.own", fmt::arg("period", name),
                                                           fmt::arg("line", staff_line(ctx, *mine))));
    return;
  }
  if (per_staff) {
    if (f.staff.empty()) {
      reply_staff_view(ctx, ctx.text("stats.staff_none", fmt::arg("period", name)));
      return;
    }
    std::string out = ctx.text("stats.staff_heading", fmt::arg("period", name));
    for (const auto& s : f.staff) out += "\n" + staff_line(ctx, s);
    reply_staff_view(ctx, out);
    return;
  }
  reply_staff_view(ctx, report_text(ctx, name, f));
}

// 统计 [员工] [时间]: the figures are read off the event loop (a year of a large community takes
// tens of milliseconds), the answer is written on it.
bot::command_result stats(bot::context& ctx, const bot::args& a) {
  const bool per_staff = !a.empty() && is_word(a[0], {"员工", "staff"});
  const std::size_t from = per_staff ? 1 : 0;
  auto p = parse_period(a.size() > from ? a.rest(from) : std::string(), ctx.now(),
                        ctx.svc.cfg.community.utc_offset_minutes);
  if (!p) return ctx.usage();
  const storage::period_span span{ctx.community(), p->from, p->to};
  const auto baseline = baseline_of(ctx.svc, ctx.community(), *p, ctx.now());
  const bot::locale lang = ctx.lang;
  ctx.later<domain::stats::figures>(
      [span, baseline, lang](bot::services& svc) {
        return domain::stats::gather(svc, span, baseline,
                                     [&](const std::string& c) { return category_name(svc, lang, c); });
      },
      [name = period_text(ctx.svc.t, ctx.lang, *p), per_staff](
          bot::context& c, const domain::stats::figures& f) { answer_stats(c, name, per_staff, f); });
  return std::nullopt;
}

}  // namespace

std::string stats_percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "0%";
  return std::to_string((part * 100 + whole / 2) / whole) + "%";
}

std::string average_rating(const bot::services& svc, bot::locale l, std::int64_t total, std::int64_t n) {
  if (n == 0) return svc.t(l, "common.unknown");
  const std::int64_t tenths = (total * 10 + n / 2) / n;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::string category_name(const bot::services& svc, bot::locale l, const std::string& category) {
  if (auto c = domain::parse_ticket_category(category)) return svc.t(l, text_id(*c));
  return category;
}

std::string problems_text(const bot::services& svc, bot::locale l,
                          const std::vector<domain::stats::problem>& ps) {
  if (ps.empty()) return svc.t(l, "common.unknown");
  std::string out;
  for (const auto& p : ps) {
    std::string words;
    for (const auto& w : p.words) words += (words.empty() ? "" : svc.t(l, "stats.word_separator")) + w;
    out += (out.empty() ? "" : " · ") + svc.t(l, words.empty() ? "stats.ranked" : "stats.problem",
                                              fmt::arg("name", category_name(svc, l, p.category)),
                                              fmt::arg("n", p.n), fmt::arg("words", words));
  }
  return out;
}

std::string complaints_text(const bot::services& svc, bot::locale l, const domain::stats::complaint_goal& g) {
  if (!g.baseline) return svc.t(l, "stats.no_baseline", fmt::arg("n", g.now));
  const char* id = g.change_percent > 0    ? "stats.complaints_more"
                   : g.change_percent == 0 ? "stats.complaints_same"
                   : g.met                 ? "stats.complaints_met"
                                           : "stats.complaints_gap";
  return svc.t(l, id, fmt::arg("n", g.now), fmt::arg("base", *g.baseline),
               fmt::arg("percent", g.change_percent < 0 ? -g.change_percent : g.change_percent),
               fmt::arg("target", g.target_percent), fmt::arg("gap", g.gap_points));
}

std::optional<storage::period_span> baseline_of(const bot::services& svc, std::int64_t community,
                                                const period& p, std::int64_t now) {
  const int offset = svc.cfg.community.utc_offset_minutes;
  const std::string& b = svc.cfg.stats.baseline;
  if (b == "last_year") {
    period so_far = p;
    so_far.to = std::min(p.to, std::max(p.from, now));
    const period y = year_before(so_far, offset);
    return storage::period_span{community, y.from, y.to};
  }
  auto fixed = parse_period(b, now, offset);
  if (!fixed) return std::nullopt;
  return storage::period_span{community, fixed->from, fixed->to};
}

void check_stats_settings(const bot::config& cfg) {
  const std::string& b = cfg.stats.baseline;
  if (b == "last_year") return;
  auto p = parse_period(b, 0, cfg.community.utc_offset_minutes);
  if (!p || !p->name_id.empty())
    throw bot::config_error(
        "stats.baseline: \"last_year\" or dates such as \"2026-01-01~2026-06-30\" or \"2025\"");
}

std::vector<bot::command_spec> stats_commands() {
  return {{
      .id = "stats.report",
      .zh = {"统计", "工单统计"},
      .en = {"stats", "ticket stats"},
      .topic = "staff",
      .min_role = bot::role::staff,
      .run = stats,
      .bare_match = [](const bot::args& a) { return a.size() <= 3; },
  }};
}

}  // namespace commands
