#include "storage/export_store.hpp"

#include "storage/statement.hpp"

namespace storage {
namespace {

std::optional<std::int64_t> optional_int(statement& q, int column) {
  if (q.isColumnNull(column)) return std::nullopt;
  return q.getColumn(column).getInt64();
}

}  // namespace

void export_store::tickets(const period_span& p, const std::function<void(const ticket_export&)>& each) {
  static constexpr const char* sql =
      "SELECT t.id, t.created_at, t.kind, t.category, t.priority, t.state, coalesce(t.building, ''), "
      "t.location, "
      "t.description, coalesce(m.display_name, ''), t.anonymous, t.first_response_at, t.resolved_at, "
      "t.closed_at, t.rating, coalesce(t.rating_comment, ''), coalesce(r.display_name, '') FROM tickets t "
      "LEFT JOIN members m ON m.id = t.assignee_id LEFT JOIN members r ON r.id = t.reporter_id "
      "WHERE t.community_id = ? AND t.created_at >= ? AND t.created_at < ? ORDER BY t.id";
  auto q = db_.prepare(sql);
  q.bind(1, p.community_id);
  q.bind(2, p.from);
  q.bind(3, p.to);
  while (q.executeStep()) {
    ticket_export t;
    t.id = q.getColumn(0).getInt64();
    t.created_at = q.getColumn(1).getInt64();
    t.kind = q.getColumn(2).getString();
    t.category = q.getColumn(3).getString();
    t.priority = q.getColumn(4).getString();
    t.state = q.getColumn(5).getString();
    t.building = q.getColumn(6).getString();
    t.location = q.getColumn(7).getString();
    t.description = q.getColumn(8).getString();
    t.assignee = q.getColumn(9).getString();
    t.anonymous = q.getColumn(10).getInt() != 0;
    t.first_response_at = optional_int(q, 11);
    t.resolved_at = optional_int(q, 12);
    t.closed_at = optional_int(q, 13);
    if (!q.isColumnNull(14)) t.rating = q.getColumn(14).getInt();
    t.rating_comment = q.getColumn(15).getString();
    t.reporter = q.getColumn(16).getString();
    each(t);
  }
}

std::optional<vote_head> export_store::vote(std::int64_t id) {
  static constexpr const char* sql =
      "SELECT community_id, title, options, secret, min(deadline, coalesce(closed_at, deadline)) FROM votes "
      "WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return vote_head{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getInt() != 0, q.getColumn(4).getInt64()};
}

void export_store::ballots(std::int64_t vote_id, bool secret,
                           const std::function<void(const ballot_export&)>& each) {
  // A secret vote's slots are keyed hashes: ordered by them, the rows come in no telling order.
  static constexpr const char* secret_sql =
      "SELECT choices FROM vote_ballots WHERE vote_id = ? ORDER BY slot";
  static constexpr const char* open_sql =
      "SELECT b.choices, coalesce(u.building, ''), coalesce(u.unit, ''), coalesce(u.room, ''), "
      "coalesce(m.display_name, ''), b.cast_at FROM vote_ballots b "
      "LEFT JOIN units u ON b.slot LIKE 'unit:%' AND u.id = CAST(substr(b.slot, 6) AS INTEGER) "
      "LEFT JOIN members m ON m.id = b.cast_by WHERE b.vote_id = ? ORDER BY u.building, u.unit, u.room, "
      "b.cast_at";
  auto q = db_.prepare(secret ? secret_sql : open_sql);
  q.bind(1, vote_id);
  while (q.executeStep()) {
    ballot_export b;
    b.choices = q.getColumn(0).getString();
    if (!secret) {
      b.building = q.getColumn(1).getString();
      b.unit = q.getColumn(2).getString();
      b.room = q.getColumn(3).getString();
      b.cast_by = q.getColumn(4).getString();
      b.cast_at = optional_int(q, 5);
    }
    each(b);
  }
}

}  // namespace storage
