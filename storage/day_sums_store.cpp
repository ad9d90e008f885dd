#include "storage/day_sums_store.hpp"

#include <set>

#include "storage/statement.hpp"

namespace storage {
namespace {

std::optional<std::int64_t> maybe_int(statement& q, int column) {
  if (q.isColumnNull(column)) return std::nullopt;
  return q.getColumn(column).getInt64();
}

std::string blob(statement& q, int column) {
  return q.getColumn(column).getBlob();
}

}  // namespace

void day_sums_store::use_offset(std::int64_t offset_ms) {
  auto q = db_.prepare("SELECT offset_ms FROM stats_settings WHERE id = 1");
  const bool same = q.executeStep() && q.getColumn(0).getInt64() == offset_ms;
  q.reset();
  if (same) return;
  transaction tx(db_);
  db_.exec("DELETE FROM ticket_day_sums; DELETE FROM ticket_days_summed;");
  auto u = db_.prepare("UPDATE stats_settings SET offset_ms = ? WHERE id = 1");
  u.bind(1, offset_ms);
  u.exec();
  tx.commit();
}

std::vector<std::int64_t> day_sums_store::unsummed(std::int64_t community_id, std::int64_t first,
                                                   std::int64_t last) {
  std::set<std::int64_t> kept;
  for (const auto& k : summed(community_id, first, last)) kept.insert(k.day);
  std::vector<std::int64_t> out;
  for (std::int64_t d = first; d <= last; ++d)
    if (!kept.count(d)) out.push_back(d);
  return out;
}

std::vector<day_sums_store::kept_day> day_sums_store::summed(std::int64_t community_id, std::int64_t first,
                                                             std::int64_t last) {
  auto q = db_.prepare(
      "SELECT day, generation FROM ticket_days_summed WHERE community_id = ? AND day BETWEEN ? AND ? "
      "ORDER BY day");
  q.bind(1, community_id);
  q.bind(2, first);
  q.bind(3, last);
  std::vector<kept_day> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64()});
  return out;
}

std::vector<day_ticket> day_sums_store::tickets(const period_span& p) {
  static constexpr const char* sql =
      "SELECT created_at, kind, category, state, building, assignee_id, due_at, resolve_due_at, "
      "first_response_at, resolved_at, rating, coalesce(visit_result, '') FROM tickets "
      "WHERE community_id = ?1 AND created_at >= ?2 AND created_at < ?3";
  auto q = db_.prepare(sql);
  q.bind(1, p.community_id);
  q.bind(2, p.from);
  q.bind(3, p.to);
  std::vector<day_ticket> out;
  while (q.executeStep()) {
    day_ticket t;
    t.created_at = q.getColumn(0).getInt64();
    t.kind = q.getColumn(1).getString();
    t.category = q.getColumn(2).getString();
    t.state = q.getColumn(3).getString();
    if (!q.isColumnNull(4)) t.building = q.getColumn(4).getString();
    t.assignee_id = maybe_int(q, 5);
    t.due_at = maybe_int(q, 6);
    t.resolve_due_at = maybe_int(q, 7);
    t.first_response_at = maybe_int(q, 8);
    t.resolved_at = maybe_int(q, 9);
    if (!q.isColumnNull(10)) t.rating = q.getColumn(10).getInt();
    t.visit_result = q.getColumn(11).getString();
    out.push_back(std::move(t));
  }
  return out;
}

void day_sums_store::keep(std::int64_t community_id, std::int64_t day, const std::vector<day_sum_row>& rows) {
  auto clear = db_.prepare("DELETE FROM ticket_day_sums WHERE community_id = ? AND day = ?");
  clear.bind(1, community_id);
  clear.bind(2, day);
  clear.exec();
  for (const auto& r : rows) {
    auto q = db_.prepare(
        "INSERT INTO ticket_day_sums (community_id, day, dim, counters, response, fix) VALUES (?, ?, ?, ?, "
        "?, ?)");
    q.bind(1, community_id);
    q.bind(2, day);
    q.bind(3, r.dim);
    q.bind_blob(4, r.counters);
    q.bind_blob(5, r.response);
    q.bind_blob(6, r.fix);
    q.exec();
  }
  db_.prepare("UPDATE stats_settings SET last_generation = last_generation + 1 WHERE id = 1").exec();
  auto mark = db_.prepare(
      "INSERT INTO ticket_days_summed (community_id, day, generation) VALUES (?1, ?2, "
      "(SELECT last_generation FROM stats_settings WHERE id = 1)) "
      "ON CONFLICT (community_id, day) DO UPDATE SET generation = excluded.generation");
  mark.bind(1, community_id);
  mark.bind(2, day);
  mark.exec();
}

std::vector<day_sum_row> day_sums_store::sum_and_keep(std::int64_t community_id, std::int64_t day,
                                                      const period_span& span, const summing& sum,
                                                      bool& kept) {
  transaction tx(db_, begin_mode::deferred);
  auto rows = sum(tickets(span));
  try {
    keep(community_id, day, rows);
    tx.commit();
    kept = true;
  } catch (const std::exception& e) {
    if (!db_.lost_race(e)) throw;
    kept = false;  // rolled back by tx
  }
  return rows;
}

std::vector<day_sum_row> day_sums_store::sums(std::int64_t community_id, std::int64_t first,
                                              std::int64_t last, dims which) {
  static constexpr const char* all_sql =
      "SELECT day, dim, counters, response, fix FROM ticket_day_sums WHERE community_id = ? AND day BETWEEN "
      "? AND ?";
  static constexpr const char* charted_sql =
      "SELECT day, dim, counters, response, fix FROM ticket_day_sums WHERE community_id = ? AND day BETWEEN "
      "? AND ? "
      "AND (dim = '' OR dim BETWEEN 'c:' AND 'c;')";
  auto q = db_.prepare(which == dims::all ? all_sql : charted_sql);
  q.bind(1, community_id);
  q.bind(2, first);
  q.bind(3, last);
  std::vector<day_sum_row> out;
  while (q.executeStep())
    out.push_back(
        {q.getColumn(0).getInt64(), q.getColumn(1).getString(), blob(q, 2), blob(q, 3), blob(q, 4)});
  return out;
}

live_lateness day_sums_store::live(const period_span& p, std::int64_t now_ms) {
  // The WHERE repeats the partial index's condition word for word, so that SQLite uses it.
  static constexpr const char* sql =
      "SELECT assignee_id, "
      "  sum(CASE WHEN first_response_at IS NULL AND due_at < ?4 THEN 1 ELSE 0 END), "
      "  sum(CASE WHEN resolved_at IS NULL AND resolve_due_at < ?4 THEN 1 ELSE 0 END), "
      "  sum(CASE WHEN due_at < coalesce(first_response_at, ?4) OR resolve_due_at < coalesce(resolved_at, "
      "?4) "
      "THEN 1 ELSE 0 END) "
      "FROM tickets WHERE community_id = ?1 AND created_at >= ?2 AND created_at < ?3 "
      "AND state != 'cancelled' AND (first_response_at IS NULL OR resolved_at IS NULL) GROUP BY assignee_id";
  auto q = db_.prepare(sql);
  q.bind(1, p.community_id);
  q.bind(2, p.from);
  q.bind(3, p.to);
  q.bind(4, now_ms);
  live_lateness out;
  while (q.executeStep()) {
    out.late_response += q.getColumn(1).getInt64();
    out.late_fix += q.getColumn(2).getInt64();
    if (!q.isColumnNull(0))
      out.late_by_assignee.emplace_back(q.getColumn(0).getInt64(), q.getColumn(3).getInt64());
  }
  return out;
}

}  // namespace storage
