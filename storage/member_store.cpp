#include "storage/member_store.hpp"

#include "storage/statement.hpp"

namespace storage {

member_row member_store::read(statement& q) {
  return member_row{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                    q.getColumn(3).getString()};
}

member_row member_store::touch(const bot::user_ref& user, std::int64_t now_ms) {
  static constexpr const char* sql =
      "INSERT INTO members (platform, user_id, display_name, nickname, first_seen_at, last_seen_at) "
      "VALUES (?1, ?2, ?3, ?5, ?4, ?4) "
      "ON CONFLICT (platform, user_id) DO UPDATE SET last_seen_at = ?4, "
      "display_name = CASE WHEN excluded.display_name = '' THEN members.display_name "
      "WHEN ?5 <> '' AND ?3 = ?5 AND members.display_name <> '' AND members.display_name <> members.nickname "
      "THEN members.display_name ELSE excluded.display_name END, "
      "nickname = CASE WHEN ?5 = '' THEN members.nickname ELSE ?5 END "
      "RETURNING id, platform, user_id, display_name";
  std::string key = user.platform + '\x1f' + user.id;
  std::string inputs = user.name + '\x1f' + user.nickname;
  if (const member_row* known = touched_.fresh(key, inputs, now_ms)) return *known;
  auto q = db_.prepare(sql);
  q.bind(1, user.platform);
  q.bind(2, user.id);
  q.bind(3, user.name);
  q.bind(4, now_ms);
  q.bind(5, user.nickname);
  q.executeStep();
  member_row row = read(q);
  q.reset();
  touched_.keep(std::move(key), std::move(inputs), row, now_ms);
  return row;
}

std::optional<member_row> member_store::get(std::int64_t id) {
  static constexpr const char* sql = "SELECT id, platform, user_id, display_name FROM members WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::optional<member_row> member_store::find(const std::string& platform, const std::string& user_id) {
  static constexpr const char* sql =
      "SELECT id, platform, user_id, display_name FROM members WHERE platform = ? AND user_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, platform);
  q.bind(2, user_id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::vector<member_row> member_store::find_by_name(const std::string& platform, const std::string& name) {
  static constexpr const char* sql =
      "SELECT id, platform, user_id, display_name FROM members WHERE platform = ?1 "
      "AND (display_name = ?2 OR nickname = ?2) ORDER BY last_seen_at DESC";
  auto q = db_.prepare(sql);
  q.bind(1, platform);
  q.bind(2, name);
  std::vector<member_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

std::optional<bot::role> member_store::granted_role(std::int64_t member_id, std::int64_t community_id) {
  static constexpr const char* sql = "SELECT role FROM role_grants WHERE member_id = ? AND community_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, member_id);
  q.bind(2, community_id);
  if (!q.executeStep()) return std::nullopt;
  return bot::parse_role(q.getColumn(0).getString());
}

void member_store::grant(std::int64_t member_id, std::int64_t community_id, bot::role r, std::int64_t by,
                         std::int64_t now_ms) {
  static constexpr const char* sql =
      "INSERT INTO role_grants (member_id, community_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?, "
      "?) "
      "ON CONFLICT (member_id, community_id) DO UPDATE SET role = excluded.role, granted_by = "
      "excluded.granted_by, "
      "granted_at = excluded.granted_at";
  auto q = db_.prepare(sql);
  q.bind(1, member_id);
  q.bind(2, community_id);
  q.bind(3, std::string(bot::role_name(r)));
  q.bind(4, by);
  q.bind(5, now_ms);
  q.exec();
}

void member_store::revoke(std::int64_t member_id, std::int64_t community_id) {
  static constexpr const char* sql = "DELETE FROM role_grants WHERE member_id = ? AND community_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, member_id);
  q.bind(2, community_id);
  q.exec();
}

std::vector<member_row> member_store::with_role(std::int64_t community_id, bot::role r) {
  static constexpr const char* sql =
      "SELECT m.id, m.platform, m.user_id, m.display_name FROM role_grants g JOIN members m ON m.id = "
      "g.member_id "
      "WHERE g.community_id = ? AND g.role = ? ORDER BY m.id";
  auto q = db_.prepare(sql);
  q.bind(1, community_id);
  q.bind(2, std::string(bot::role_name(r)));
  std::vector<member_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

}  // namespace storage
