#include "domain/stats/figures.hpp"

#include <algorithm>
#include <map>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "domain/stats/top_words.hpp"
#include "storage/stores.hpp"

namespace domain::stats {
namespace {

constexpr int top_problems = 5;
constexpr int top_buildings = 5;
constexpr int descriptions_read = 500;

std::vector<staff_figures> per_staff(const std::vector<storage::ticket_times>& times) {
  std::map<std::int64_t, staff_figures> by;
  std::map<std::int64_t, std::vector<std::int64_t>> fixes;
  for (const auto& t : times) {
    if (!t.assignee_id) continue;
    auto& s = by[*t.assignee_id];
    s.member_id = *t.assignee_id;
    ++s.taken;
    if (t.resolved) ++s.resolved;
    if (t.late_response || t.late_fix) ++s.late;
    if (t.fix_ms) fixes[s.member_id].push_back(*t.fix_ms);
    if (t.rating) {
      ++s.rated;
      s.rating_total += *t.rating;
    }
  }
  std::vector<staff_figures> out;
  for (auto& [id, s] : by) {
    s.fix = spread_of(std::move(fixes[id]));
    out.push_back(s);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.resolved > b.resolved; });
  return out;
}

}  // namespace

figures gather(bot::services& svc, const storage::period_span& p, const std::optional<storage::period_span>& baseline,
               const std::function<std::string(const std::string&)>& category_name) {
  storage::stats_store store(svc.db.database);
  const std::int64_t now = svc.clk.now_ms();
  figures f;
  f.counts = svc.db.tickets.stats(p.community_id, p.from, p.to, now);
  for (const auto& [category, n] : store.categories(p, top_problems))
    f.problems.push_back({category, n, top_words(store.descriptions(p, category, descriptions_read),
                                                 category_name(category), 2)});
  f.buildings = store.buildings(p, top_buildings);
  const auto times = store.times(p, now);
  std::vector<std::int64_t> response, fix;
  for (const auto& t : times) {
    if (t.response_ms) response.push_back(*t.response_ms);
    if (t.fix_ms) fix.push_back(*t.fix_ms);
    if (t.rating && *t.rating <= 2) ++f.low_ratings;
  }
  f.response = spread_of(std::move(response));
  f.fix = spread_of(std::move(fix));
  f.staff = per_staff(times);
  if (baseline) {
    // A period still running is compared up to now, against as long a stretch of the baseline.
    const std::int64_t to = std::min(p.to, std::max(p.from, now));
    f.complaints = compare_complaints(f.counts.complaints, to - p.from, store.complaints(*baseline),
                                      baseline->to - baseline->from, svc.cfg.stats.complaint_target_percent);
  }
  f.activity = store.activity(p);
  return f;
}

}  // namespace domain::stats
