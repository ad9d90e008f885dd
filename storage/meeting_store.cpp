#include "storage/meeting_store.hpp"

#include "storage/statement.hpp"

namespace storage {
namespace {

constexpr const char* meeting_columns =
    "id, community_id, title, starts_at, place, building, category, created_by, created_at, minutes, "
    "minutes_at";

}  // namespace

meeting_row meeting_store::read(statement& q) {
  meeting_row m;
  m.id = q.getColumn(0).getInt64();
  m.community_id = q.getColumn(1).getInt64();
  m.title = q.getColumn(2).getString();
  m.starts_at = q.getColumn(3).getInt64();
  m.place = q.getColumn(4).getString();
  if (!q.getColumn(5).isNull()) m.building = q.getColumn(5).getString();
  if (!q.getColumn(6).isNull()) m.category = q.getColumn(6).getString();
  if (!q.getColumn(7).isNull()) m.created_by = q.getColumn(7).getInt64();
  m.created_at = q.getColumn(8).getInt64();
  if (!q.getColumn(9).isNull()) m.minutes = q.getColumn(9).getString();
  if (!q.getColumn(10).isNull()) m.minutes_at = q.getColumn(10).getInt64();
  return m;
}

std::int64_t meeting_store::create(const meeting_row& m) {
  static constexpr const char* sql =
      "INSERT INTO meetings (community_id, title, starts_at, place, building, category, created_by, "
      "created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, m.community_id);
  q.bind(2, m.title);
  q.bind(3, m.starts_at);
  q.bind(4, m.place);
  bind_optional(q, 5, m.building);
  bind_optional(q, 6, m.category);
  bind_optional(q, 7, m.created_by);
  q.bind(8, m.created_at);
  q.exec();
  return db_.last_insert_id();
}

std::optional<meeting_row> meeting_store::get(std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + meeting_columns + " FROM meetings WHERE id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::vector<meeting_row> meeting_store::list(std::int64_t community_id, std::int64_t now_ms, int limit) {
  static const std::string sql =
      std::string("SELECT ") + meeting_columns +
      " FROM meetings WHERE community_id = ?1 "
      "ORDER BY starts_at < ?2, CASE WHEN starts_at >= ?2 THEN starts_at ELSE -starts_at END "
      "LIMIT ?3";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  q.bind(2, now_ms);
  q.bind(3, limit);
  std::vector<meeting_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

void meeting_store::set_minutes(std::int64_t id, const std::string& minutes, std::int64_t at) {
  static constexpr const char* sql = "UPDATE meetings SET minutes = ?, minutes_at = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, minutes);
  q.bind(2, at);
  q.bind(3, id);
  q.exec();
}

void meeting_store::invite(std::int64_t meeting_id, const std::vector<std::int64_t>& members) {
  static constexpr const char* sql =
      "INSERT INTO meeting_invites (meeting_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
  auto q = db_.prepare(sql);
  for (auto m : members) {
    q.bind(1, meeting_id);
    q.bind(2, m);
    q.exec();
    q.reset();
  }
}

std::vector<std::int64_t> meeting_store::invited(std::int64_t meeting_id) {
  static constexpr const char* sql =
      "SELECT member_id FROM meeting_invites WHERE meeting_id = ? ORDER BY member_id";
  auto q = db_.prepare(sql);
  q.bind(1, meeting_id);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

bool meeting_store::reply(std::int64_t meeting_id, std::int64_t member_id, bool attending, std::int64_t at) {
  static constexpr const char* find_sql =
      "SELECT 1 FROM meeting_replies WHERE meeting_id = ? AND member_id = ?";
  auto f = db_.prepare(find_sql);
  f.bind(1, meeting_id);
  f.bind(2, member_id);
  const bool had = f.executeStep();
  static constexpr const char* sql =
      "INSERT INTO meeting_replies (meeting_id, member_id, attending, replied_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (meeting_id, member_id) DO UPDATE SET attending = excluded.attending, "
      "replied_at = excluded.replied_at";
  auto q = db_.prepare(sql);
  q.bind(1, meeting_id);
  q.bind(2, member_id);
  q.bind(3, attending ? 1 : 0);
  q.bind(4, at);
  q.exec();
  return !had;
}

attendance meeting_store::replies(std::int64_t meeting_id) {
  static constexpr const char* sql =
      "SELECT coalesce(sum(attending), 0), coalesce(sum(1 - attending), 0) FROM meeting_replies WHERE "
      "meeting_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, meeting_id);
  q.executeStep();
  return {q.getColumn(0).getInt(), q.getColumn(1).getInt()};
}

}  // namespace storage
