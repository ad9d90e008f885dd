#include "storage/unit_store.hpp"

#include "storage/statement.hpp"

namespace storage {
namespace {
constexpr const char* unit_columns =
    "id, community_id, building, unit, room, area_centi, owner_name, phone_tail";
}

unit_row unit_store::read(statement& q) {
  unit_row u;
  u.id = q.getColumn(0).getInt64();
  u.community_id = q.getColumn(1).getInt64();
  u.building = q.getColumn(2).getString();
  u.unit = q.getColumn(3).getString();
  u.room = q.getColumn(4).getString();
  u.area_centi = q.getColumn(5).getInt64();
  u.owner_name = q.getColumn(6).getString();
  u.phone_tail = q.getColumn(7).getString();
  return u;
}

std::int64_t unit_store::upsert(const unit_row& u) {
  static constexpr const char* sql =
      "INSERT INTO units (community_id, building, unit, room, area_centi, owner_name, phone_tail) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (community_id, building, unit, room) DO UPDATE SET area_centi = excluded.area_centi, "
      "owner_name = excluded.owner_name, phone_tail = excluded.phone_tail RETURNING id";
  auto q = db_.prepare(sql);
  q.bind(1, u.community_id);
  q.bind(2, u.building);
  q.bind(3, u.unit);
  q.bind(4, u.room);
  q.bind(5, u.area_centi);
  q.bind(6, u.owner_name);
  q.bind(7, u.phone_tail);
  q.executeStep();
  std::int64_t id = q.getColumn(0).getInt64();
  q.reset();
  return id;
}

std::optional<unit_row> unit_store::find(std::int64_t community_id, const std::string& building,
                                         const std::string& unit, const std::string& room) {
  static const std::string sql =
      std::string("SELECT ") + unit_columns +
      " FROM units WHERE community_id = ? AND building = ? AND unit = ? AND room = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  q.bind(2, building);
  q.bind(3, unit);
  q.bind(4, room);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::optional<unit_row> unit_store::get(std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + unit_columns + " FROM units WHERE id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::int64_t unit_store::count(std::int64_t community_id) {
  static constexpr const char* sql = "SELECT count(*) FROM units WHERE community_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, community_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<unit_row> unit_store::in_community(std::int64_t community_id,
                                               const std::optional<std::string>& building) {
  static const std::string sql =
      std::string("SELECT ") + unit_columns +
      " FROM units WHERE community_id = ?1 AND (?2 IS NULL OR building = ?2) ORDER BY id";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  bind_optional(q, 2, building);
  std::vector<unit_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

bool unit_store::bind(std::int64_t unit_id, std::int64_t member_id, const std::string& method,
                      std::int64_t now_ms) {
  static constexpr const char* sql =
      "INSERT INTO bindings (unit_id, member_id, method, bound_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (unit_id, member_id) DO NOTHING";
  auto q = db_.prepare(sql);
  q.bind(1, unit_id);
  q.bind(2, member_id);
  q.bind(3, method);
  q.bind(4, now_ms);
  return q.exec() > 0;
}

std::vector<unit_row> unit_store::units_of(std::int64_t member_id) {
  static constexpr const char* sql =
      "SELECT u.id, u.community_id, u.building, u.unit, u.room, u.area_centi, u.owner_name, u.phone_tail "
      "FROM bindings b JOIN units u ON u.id = b.unit_id WHERE b.member_id = ? ORDER BY u.id";
  auto q = db_.prepare(sql);
  q.bind(1, member_id);
  std::vector<unit_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

std::vector<std::int64_t> unit_store::members_bound(std::int64_t unit_id) {
  static constexpr const char* sql =
      "SELECT member_id FROM bindings WHERE unit_id = ? ORDER BY bound_at, member_id";
  auto q = db_.prepare(sql);
  q.bind(1, unit_id);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

void unit_store::record_bind_failure(std::int64_t member_id, std::int64_t now_ms) {
  static constexpr const char* sql = "INSERT INTO bind_failures (member_id, at) VALUES (?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, member_id);
  q.bind(2, now_ms);
  q.exec();
}

int unit_store::bind_failures_since(std::int64_t member_id, std::int64_t since_ms) {
  static constexpr const char* sql = "SELECT count(*) FROM bind_failures WHERE member_id = ? AND at >= ?";
  auto q = db_.prepare(sql);
  q.bind(1, member_id);
  q.bind(2, since_ms);
  q.executeStep();
  return q.getColumn(0).getInt();
}

}  // namespace storage
