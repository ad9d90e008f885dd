#include "domain/stats/figures.hpp"

#include <algorithm>
#include <map>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "domain/stats/day_sums.hpp"
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
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.resolved > b.resolved; });
  return out;
}

// Ranked by count, most first, at most `limit`, from the sums' dimensions starting with `prefix`.
std::vector<std::pair<std::string, std::int64_t>> ranked(const std::map<std::string, day_sum>& sums,
                                                         std::string_view prefix, std::size_t limit) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& [dim, s] : sums)
    if (dim.starts_with(prefix) && s[day_counter::created] > 0)
      out.emplace_back(dim.substr(prefix.size()), s[day_counter::created]);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

// Complaints of a span: whole local days from their sums, the part-days at its ends from tickets.
std::int64_t complaints_in(bot::services& svc, storage::stats_store& store, const storage::period_span& s) {
  const int offset = svc.cfg.community.utc_offset_minutes;
  const std::int64_t first = local_day(s.from - 1, offset) + 1;  // the first day starting at or after `from`
  const std::int64_t end = local_day(s.to, offset);              // the day `to` falls in
  if (end - first < 2) return store.complaints(s);
  const std::int64_t a = day_start(first, offset), b = day_start(end, offset);
  std::int64_t n =
      store.complaints({s.community_id, s.from, a}) + store.complaints({s.community_id, b, s.to});
  each_day_sum(svc, s.community_id, first, end - 1, storage::day_sums_store::dims::totals_and_categories,
               [&](const storage::day_sum_row& r, const day_counters& c) {
                 if (r.dim.empty()) n += c[static_cast<std::size_t>(day_counter::complaints)];
               });
  return n;
}

// gather() over whole days of more than a month, from the per-day sums.
figures gather_long(bot::services& svc, const storage::period_span& p,
                    const std::optional<storage::period_span>& baseline,
                    const std::function<std::string(const std::string&)>& category_name) {
  storage::stats_store store(svc.db.database);
  const int offset = svc.cfg.community.utc_offset_minutes;
  const std::int64_t now = svc.clk.now_ms();
  const auto sums = sums_over(svc, p.community_id, local_day(p.from, offset), local_day(p.to - 1, offset));
  const auto live = storage::day_sums_store(svc.db.database).live(p, now);
  static const day_sum none;
  const auto found = sums.find("");
  const day_sum& all = found == sums.end() ? none : found->second;
  figures f;
  auto& c = f.counts;
  c.created = all[day_counter::created];
  c.repairs = all[day_counter::repairs];
  c.complaints = all[day_counter::complaints];
  c.suggestions = all[day_counter::suggestions];
  c.resolved = all[day_counter::resolved];
  c.closed = all[day_counter::closed];
  c.cancelled = all[day_counter::cancelled];
  c.open = all[day_counter::open];
  c.responded = all[day_counter::responded];
  c.response_ms_total = all[day_counter::response_ms];
  c.fixed = all[day_counter::fixed];
  c.fix_ms_total = all[day_counter::fix_ms];
  c.late_response = all[day_counter::late_response] + live.late_response;
  c.late_fix = all[day_counter::late_fix] + live.late_fix;
  c.rated = all[day_counter::rated];
  c.rating_total = all[day_counter::rating_total];
  c.visits_satisfied = all[day_counter::satisfied];
  c.visits_unsatisfied = all[day_counter::unsatisfied];
  for (const auto& [category, n] : ranked(sums, "c:", top_problems))
    f.problems.push_back(
        {category, n,
         top_words(store.descriptions(p, category, descriptions_read), category_name(category), 2)});
  f.buildings = ranked(sums, "b:", top_buildings);
  f.response = all.response.spread_of();
  f.fix = all.fix.spread_of();
  f.low_ratings = all[day_counter::low_ratings];
  std::map<std::int64_t, std::int64_t> late_now(live.late_by_assignee.begin(), live.late_by_assignee.end());
  std::map<std::int64_t, staff_figures> staff;
  for (const auto& [dim, s] : sums) {
    if (!dim.starts_with("s:")) continue;
    const std::int64_t id = std::stoll(dim.substr(2));
    staff[id] = {id,
                 s[day_counter::created],
                 s[day_counter::resolved] + s[day_counter::closed],
                 s[day_counter::late_any] + late_now[id],
                 s.fix.spread_of(),
                 s[day_counter::rated],
                 s[day_counter::rating_total]};
  }
  for (auto& [id, s] : staff) f.staff.push_back(s);
  std::stable_sort(f.staff.begin(), f.staff.end(),
                   [](const auto& a, const auto& b) { return a.resolved > b.resolved; });
  if (baseline) {
    const std::int64_t to = std::min(p.to, std::max(p.from, now));
    f.complaints = compare_complaints(c.complaints, to - p.from, complaints_in(svc, store, *baseline),
                                      baseline->to - baseline->from, svc.cfg.stats.complaint_target_percent);
  }
  f.activity = store.activity(p);
  return f;
}

}  // namespace

figures gather(bot::services& svc, const storage::period_span& p,
               const std::optional<storage::period_span>& baseline,
               const std::function<std::string(const std::string&)>& category_name) {
  if (read_from_sums(p, svc.cfg.community.utc_offset_minutes))
    return gather_long(svc, p, baseline, category_name);
  storage::stats_store store(svc.db.database);
  const std::int64_t now = svc.clk.now_ms();
  figures f;
  f.counts = svc.db.tickets.stats(p.community_id, p.from, p.to, now);
  for (const auto& [category, n] : store.categories(p, top_problems))
    f.problems.push_back(
        {category, n,
         top_words(store.descriptions(p, category, descriptions_read), category_name(category), 2)});
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
