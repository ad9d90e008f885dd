#include "commands/survey_report.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/local_time.hpp"
#include "domain/broadcast/text_parts.hpp"
#include "domain/privacy/redact.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

using domain::surveys::centi_text;
using domain::surveys::percent_text;

constexpr std::size_t publication_part_points = 1500;

std::string name_of(bot::locale l, const domain::surveys::item_result& i) {
  return l == bot::locale::en_US ? i.name_en : i.name_zh;
}

// "4.10（+0.20）", "4.10", or "—" for an item nobody scored.
std::string mean_with_change(const bot::services& svc, bot::locale l, const std::optional<int>& mean,
                             const std::optional<int>& change) {
  if (!mean) return svc.t(l, "survey.no_scores");
  if (!change) return centi_text(*mean);
  return svc.t(l, "survey.mean_change", fmt::arg("mean", centi_text(*mean)),
               fmt::arg("change", centi_text(*change, true)));
}

std::string turnout_line(const bot::services& svc, bot::locale l, const storage::survey_turnout& t) {
  return svc.t(l, "survey.turnout", fmt::arg("finished", t.finished), fmt::arg("invited", t.invited),
               fmt::arg("percent", percent_text(t.finished, t.invited)), fmt::arg("started", t.started));
}

std::string state_of(const bot::services& svc, bot::locale l, const storage::survey_row& s) {
  const std::string deadline = bot::local_time_zone{svc.cfg.community.utc_offset_minutes}.format_with_year(s.deadline);
  return svc.t(l, svc.clk.now_ms() < s.deadline ? "survey.state_open" : "survey.state_closed",
               fmt::arg("deadline", deadline));
}

}  // namespace

domain::surveys::survey_results results_of(bot::services& svc, const storage::survey_row& s) {
  storage::survey_store store(svc.db.database);
  std::optional<std::vector<storage::survey_item_row>> before;
  if (auto prev = store.previous(s)) before = store.items(prev->id);
  return domain::surveys::compute(store.items(s.id), store.turnout(s.id), before);
}

std::string survey_report(const bot::services& svc, bot::locale l, const storage::survey_row& s,
                          const domain::surveys::survey_results& r, int comments, bool scores) {
  std::string out = svc.t(l, "survey.report_heading", fmt::arg("id", s.id), fmt::arg("title", s.title),
                          fmt::arg("state", state_of(svc, l, s)));
  out += "\n" + svc.t(l, "survey.report_total", fmt::arg("turnout", turnout_line(svc, l, r.total)));
  for (const auto& b : r.buildings)
    out += "\n" + svc.t(l, "survey.report_building", fmt::arg("building", b.building),
                        fmt::arg("turnout", turnout_line(svc, l, b)));
  if (!scores) return out + "\n" + svc.t(l, "survey.report_scores_later", fmt::arg("id", s.id));
  out += "\n" + svc.t(l, r.has_previous ? "survey.report_mean" : "survey.report_mean_first",
                      fmt::arg("mean", mean_with_change(svc, l, r.mean_centi, r.change_centi)));
  for (const auto& i : r.items)
    out += "\n" + svc.t(l, "survey.report_item", fmt::arg("item", name_of(l, i)),
                        fmt::arg("mean", mean_with_change(svc, l, i.mean_centi, i.change_centi)),
                        fmt::arg("n5", i.scores[4]), fmt::arg("n4", i.scores[3]), fmt::arg("n3", i.scores[2]),
                        fmt::arg("n2", i.scores[1]), fmt::arg("n1", i.scores[0]), fmt::arg("skipped", i.skipped));
  out += "\n" + svc.t(l, comments > 0 ? "survey.report_comments" : "survey.report_no_comments",
                      fmt::arg("id", s.id), fmt::arg("n", comments));
  return out;
}

std::vector<std::string> survey_publication(const bot::services& svc, bot::locale l,
                                            const storage::survey_row& s,
                                            const domain::surveys::survey_results& r, const std::string& plan) {
  std::string items;
  for (const auto& i : r.items)
    items += "\n" + svc.t(l, "survey.public_item", fmt::arg("item", name_of(l, i)),
                          fmt::arg("mean", mean_with_change(svc, l, i.mean_centi, i.change_centi)));
  const std::string title = domain::privacy::redact_for_group(s.title, l, svc.cfg);
  std::string text = svc.t(l, "survey.public_summary", fmt::arg("invited", r.total.invited),
                           fmt::arg("finished", r.total.finished),
                           fmt::arg("percent", percent_text(r.total.finished, r.total.invited)),
                           fmt::arg("mean", mean_with_change(svc, l, r.mean_centi, r.change_centi)),
                           fmt::arg("items", items));
  text += "\n\n" + svc.t(l, "survey.public_plan", fmt::arg("plan", domain::privacy::redact_for_group(plan, l, svc.cfg)));
  const auto parts = domain::broadcast::text_parts(text, publication_part_points);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out.push_back(svc.t(l, parts.size() == 1 ? "survey.public_one" : "survey.public_part", fmt::arg("id", s.id),
                        fmt::arg("title", title), fmt::arg("i", i + 1), fmt::arg("n", parts.size()),
                        fmt::arg("text", parts[i])));
  return out;
}

}  // namespace commands
