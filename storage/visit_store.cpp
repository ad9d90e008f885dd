#include "storage/visit_store.hpp"

#include "storage/statement.hpp"

namespace storage {

std::int64_t visit_store::record(const visit_row& v) {
  static constexpr const char* sql =
      "INSERT INTO visits (community_id, building, unit, room, note, staff_id, visited_at, ticket_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, v.community_id);
  q.bind(2, v.building);
  q.bind(3, v.unit);
  q.bind(4, v.room);
  q.bind(5, v.note);
  bind_optional(q, 6, v.staff_id);
  q.bind(7, v.visited_at);
  bind_optional(q, 8, v.ticket_id);
  q.exec();
  return db_.last_insert_id();
}

void visit_store::link_ticket(std::int64_t visit_id, std::int64_t ticket_id) {
  static constexpr const char* sql = "UPDATE visits SET ticket_id = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, ticket_id);
  q.bind(2, visit_id);
  q.exec();
}

std::vector<visit_row> visit_store::between(std::int64_t community_id, std::int64_t from, std::int64_t to) {
  static constexpr const char* sql =
      "SELECT id, community_id, building, unit, room, note, staff_id, visited_at, ticket_id FROM visits "
      "WHERE community_id = ? AND visited_at >= ? AND visited_at < ? ORDER BY visited_at, id";
  auto q = db_.prepare(sql);
  q.bind(1, community_id);
  q.bind(2, from);
  q.bind(3, to);
  std::vector<visit_row> out;
  while (q.executeStep()) {
    visit_row v;
    v.id = q.getColumn(0).getInt64();
    v.community_id = q.getColumn(1).getInt64();
    v.building = q.getColumn(2).getString();
    v.unit = q.getColumn(3).getString();
    v.room = q.getColumn(4).getString();
    v.note = q.getColumn(5).getString();
    if (!q.getColumn(6).isNull()) v.staff_id = q.getColumn(6).getInt64();
    v.visited_at = q.getColumn(7).getInt64();
    if (!q.getColumn(8).isNull()) v.ticket_id = q.getColumn(8).getInt64();
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<std::string> visit_store::buildings(std::int64_t community_id) {
  static constexpr const char* sql =
      "SELECT building FROM units WHERE community_id = ? GROUP BY building "
      "ORDER BY length(building), building";
  auto q = db_.prepare(sql);
  q.bind(1, community_id);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::vector<std::int64_t> visit_store::awaiting_return_visit(std::int64_t community_id, int limit) {
  static constexpr const char* sql =
      "SELECT id FROM tickets WHERE community_id = ? AND state IN ('resolved', 'closed') "
      "AND visit_result IS NULL AND reporter_id IS NOT NULL "
      "AND id NOT IN (SELECT ticket_id FROM visits WHERE ticket_id IS NOT NULL) "  // staff's own, from a
                                                                                   // visit
      "ORDER BY coalesce(resolved_at, closed_at, created_at), id LIMIT ?";
  auto q = db_.prepare(sql);
  q.bind(1, community_id);
  q.bind(2, limit);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace storage
