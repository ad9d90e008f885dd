#include "storage/emergency_store.hpp"

#include <fmt/format.h>

#include "storage/statement.hpp"

namespace storage {
namespace {

constexpr const char* emergency_columns =
    "id, community_id, building, template, title, detail, started_by, started_at, closed_at, close_note";

}  // namespace

emergency_row emergency_store::read(statement& q) {
  emergency_row e;
  e.id = q.getColumn(0).getInt64();
  e.community_id = q.getColumn(1).getInt64();
  if (!q.getColumn(2).isNull()) e.building = q.getColumn(2).getString();
  e.template_id = q.getColumn(3).getString();
  e.title = q.getColumn(4).getString();
  e.detail = q.getColumn(5).getString();
  if (!q.getColumn(6).isNull()) e.started_by = q.getColumn(6).getInt64();
  e.started_at = q.getColumn(7).getInt64();
  if (!q.getColumn(8).isNull()) e.closed_at = q.getColumn(8).getInt64();
  e.close_note = q.getColumn(9).getString();
  return e;
}

std::int64_t emergency_store::create(const emergency_row& e) {
  static constexpr const char* sql =
      "INSERT INTO emergencies (community_id, building, template, title, detail, started_by, started_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, e.community_id);
  bind_optional(q, 2, e.building);
  q.bind(3, e.template_id);
  q.bind(4, e.title);
  q.bind(5, e.detail);
  bind_optional(q, 6, e.started_by);
  q.bind(7, e.started_at);
  q.exec();
  return db_.last_insert_id();
}

std::optional<emergency_row> emergency_store::get(std::int64_t id) {
  static const std::string sql =
      std::string("SELECT ") + emergency_columns + " FROM emergencies WHERE id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

void emergency_store::close(std::int64_t id, std::int64_t by_member, std::int64_t at,
                            const std::string& note) {
  static constexpr const char* sql =
      "UPDATE emergencies SET closed_at = ?, closed_by = ?, close_note = ? WHERE id = ? AND closed_at IS "
      "NULL";
  auto q = db_.prepare(sql);
  q.bind(1, at);
  q.bind(2, by_member);
  q.bind(3, note);
  q.bind(4, id);
  q.exec();
}

void emergency_store::add_groups(std::int64_t emergency_id, const std::vector<std::int64_t>& chat_ids) {
  constexpr std::size_t per_statement = 256;
  auto sql_for = [](std::size_t rows) {
    std::string sql = "INSERT INTO emergency_groups (emergency_id, chat_id) VALUES ";
    for (std::size_t r = 0; r < rows; ++r) sql += fmt::format("{}(?1, ?{})", r ? ", " : "", r + 2);
    return sql + " ON CONFLICT DO NOTHING";
  };
  static const std::string many = sql_for(per_statement);
  static const std::string one = sql_for(1);
  for (std::size_t i = 0; i < chat_ids.size();) {
    const std::size_t rows = chat_ids.size() - i >= per_statement ? per_statement : 1;
    auto q = db_.prepare((rows == 1 ? one : many).c_str());
    q.bind(1, emergency_id);
    for (std::size_t r = 0; r < rows; ++r) q.bind(static_cast<int>(r + 2), chat_ids[i + r]);
    q.exec();
    i += rows;
  }
}

std::vector<std::int64_t> emergency_store::group_ids(std::int64_t emergency_id) {
  static constexpr const char* sql =
      "SELECT chat_id FROM emergency_groups WHERE emergency_id = ? ORDER BY chat_id";
  auto q = db_.prepare(sql);
  q.bind(1, emergency_id);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<std::int64_t> emergency_store::open_for_chat(std::int64_t chat_id) {
  static constexpr const char* sql =
      "SELECT e.id FROM emergency_groups g JOIN emergencies e ON e.id = g.emergency_id "
      "WHERE g.chat_id = ? AND e.closed_at IS NULL ORDER BY e.id";
  auto q = db_.prepare(sql);
  q.bind(1, chat_id);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> emergency_store::open_for_member(std::int64_t member_id) {
  static constexpr const char* sql =
      "SELECT e.id, min(g.chat_id) FROM chat_members m JOIN emergency_groups g ON g.chat_id = m.chat_id "
      "JOIN emergencies e ON e.id = g.emergency_id WHERE m.member_id = ? AND e.closed_at IS NULL "
      "GROUP BY e.id ORDER BY e.id";
  auto q = db_.prepare(sql);
  q.bind(1, member_id);
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
  return out;
}

void emergency_store::add_update(std::int64_t emergency_id, std::optional<std::int64_t> author,
                                 const std::string& kind, const std::string& text, std::int64_t at) {
  static constexpr const char* sql =
      "INSERT INTO emergency_updates (emergency_id, at, author_id, kind, text) VALUES (?, ?, ?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, emergency_id);
  q.bind(2, at);
  bind_optional(q, 3, author);
  q.bind(4, kind);
  q.bind(5, text);
  q.exec();
}

std::vector<emergency_update_row> emergency_store::updates(std::int64_t emergency_id) {
  static constexpr const char* sql =
      "SELECT id, at, kind, text FROM emergency_updates WHERE emergency_id = ? ORDER BY id";
  auto q = db_.prepare(sql);
  q.bind(1, emergency_id);
  std::vector<emergency_update_row> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getString()});
  return out;
}

bool emergency_store::acknowledge(std::int64_t emergency_id, std::int64_t member_id,
                                  std::optional<std::int64_t> chat_id, std::int64_t at) {
  static constexpr const char* sql =
      "INSERT INTO emergency_acks (emergency_id, member_id, chat_id, at) VALUES (?, ?, ?, ?) ON CONFLICT DO "
      "NOTHING";
  auto q = db_.prepare(sql);
  q.bind(1, emergency_id);
  q.bind(2, member_id);
  bind_optional(q, 3, chat_id);
  q.bind(4, at);
  return q.exec() > 0;
}

std::int64_t emergency_store::ack_count(std::int64_t emergency_id) {
  static constexpr const char* sql = "SELECT count(*) FROM emergency_acks WHERE emergency_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, emergency_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<emergency_store::ack_row> emergency_store::acks(std::int64_t emergency_id) {
  static constexpr const char* sql =
      "SELECT member_id, coalesce(chat_id, 0) FROM emergency_acks WHERE emergency_id = ? ORDER BY member_id";
  auto q = db_.prepare(sql);
  q.bind(1, emergency_id);
  std::vector<ack_row> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64()});
  return out;
}

std::vector<household_ack_count> emergency_store::household_acks(std::int64_t emergency_id,
                                                                 std::int64_t community_id,
                                                                 const std::optional<std::string>& building) {
  // A household has acknowledged when anyone bound to its unit did (co-owners count once).
  static constexpr const char* sql =
      "SELECT u.building, u.unit, count(*), count(a.unit_id) FROM units u LEFT JOIN ("
      "  SELECT DISTINCT b.unit_id FROM emergency_acks k JOIN bindings b ON b.member_id = k.member_id "
      "  WHERE k.emergency_id = ?1) a ON a.unit_id = u.id "
      "WHERE u.community_id = ?2 AND (?3 IS NULL OR u.building = ?3) "
      "GROUP BY u.building, u.unit "
      "ORDER BY length(u.building), u.building, length(u.unit), u.unit";
  auto q = db_.prepare(sql);
  q.bind(1, emergency_id);
  q.bind(2, community_id);
  bind_optional(q, 3, building);
  std::vector<household_ack_count> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                   q.getColumn(3).getInt64()});
  return out;
}

std::vector<std::int64_t> emergency_store::unacknowledged_members(std::int64_t emergency_id,
                                                                  std::int64_t chat_id) {
  static constexpr const char* sql =
      "SELECT m.member_id FROM chat_members m WHERE m.chat_id = ?2 AND NOT EXISTS ("
      "SELECT 1 FROM emergency_acks k WHERE k.emergency_id = ?1 AND k.member_id = m.member_id) "
      "ORDER BY m.last_seen_at DESC, m.member_id";
  auto q = db_.prepare(sql);
  q.bind(1, emergency_id);
  q.bind(2, chat_id);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace storage
