#include "storage/chat_store.hpp"

#include "storage/statement.hpp"

namespace storage {
namespace {

constexpr const char* chat_columns =
    "id, platform, account, kind, chat_id, title, community_id, building, purpose, registered_at, lang, "
    "active";

std::string kind_word(bot::chat_kind k) {
  return k == bot::chat_kind::group ? "group" : "direct";
}

}  // namespace

chat_row chat_store::read(statement& q) {
  chat_row r;
  r.id = q.getColumn(0).getInt64();
  r.ref.platform = q.getColumn(1).getString();
  r.ref.account = q.getColumn(2).getString();
  r.ref.kind = q.getColumn(3).getString() == "group" ? bot::chat_kind::group : bot::chat_kind::direct;
  r.ref.id = q.getColumn(4).getString();
  r.title = q.getColumn(5).getString();
  r.community_id = q.getColumn(6).getInt64();
  if (!q.getColumn(7).isNull()) r.building = q.getColumn(7).getString();
  r.purpose = q.getColumn(8).getString();
  r.registered = !q.getColumn(9).isNull();
  if (!q.getColumn(10).isNull()) r.lang = q.getColumn(10).getString();
  r.active = q.getColumn(11).getInt() != 0;
  return r;
}

chat_row chat_store::touch(const bot::chat_ref& ref, const std::string& title, std::int64_t default_community,
                           std::int64_t now_ms) {
  static constexpr const char* upsert_sql =
      "INSERT INTO chats (platform, account, kind, chat_id, title, community_id, first_seen_at, "
      "last_seen_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) "
      "ON CONFLICT (platform, kind, chat_id) DO UPDATE SET account = excluded.account, last_seen_at = ?7, "
      "active = 1, title = CASE WHEN excluded.title = '' THEN chats.title ELSE excluded.title END "
      "RETURNING id, platform, account, kind, chat_id, title, community_id, building, purpose, "
      "registered_at, "
      "lang, active";
  std::string key = ref.platform + '\x1f' + kind_word(ref.kind) + '\x1f' + ref.id;
  std::string inputs = ref.account + '\x1f' + title + '\x1f' + std::to_string(default_community);
  if (const chat_row* known = touched_.fresh(key, inputs, now_ms)) return *known;
  auto q = db_.prepare(upsert_sql);
  q.bind(1, ref.platform);
  q.bind(2, ref.account);
  q.bind(3, kind_word(ref.kind));
  q.bind(4, ref.id);
  q.bind(5, title);
  q.bind(6, default_community);
  q.bind(7, now_ms);
  q.executeStep();
  chat_row row = read(q);
  q.reset();
  touched_.keep(std::move(key), std::move(inputs), row, now_ms);
  return row;
}

std::optional<chat_row> chat_store::get(std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + chat_columns + " FROM chats WHERE id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::optional<chat_row> chat_store::find(const bot::chat_ref& ref) {
  static const std::string sql =
      std::string("SELECT ") + chat_columns + " FROM chats WHERE platform = ? AND kind = ? AND chat_id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, ref.platform);
  q.bind(2, kind_word(ref.kind));
  q.bind(3, ref.id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

void chat_store::register_to(std::int64_t chat_id, std::int64_t community_id,
                             const std::optional<std::string>& building, const std::string& purpose,
                             std::int64_t by_member, std::int64_t now_ms) {
  touched_.clear();  // the rows remembered by touch() change
  static constexpr const char* sql =
      "UPDATE chats SET community_id = ?, building = ?, purpose = ?, registered_by = ?, registered_at = ? "
      "WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, community_id);
  bind_optional(q, 2, building);
  q.bind(3, purpose);
  if (by_member != 0)
    q.bind(4, by_member);
  else
    q.bind(4);  // declared in the config, not by a member
  q.bind(5, now_ms);
  q.bind(6, chat_id);
  q.exec();
}

void chat_store::set_active(std::int64_t chat_id, bool active) {
  touched_.clear();  // the rows remembered by touch() change
  static constexpr const char* sql = "UPDATE chats SET active = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, active ? 1 : 0);
  q.bind(2, chat_id);
  q.exec();
}

bool chat_store::set_title(const bot::chat_ref& ref, const std::string& title) {
  touched_.clear();  // the rows remembered by touch() change
  static constexpr const char* sql =
      "UPDATE chats SET title = ? WHERE platform = ? AND kind = ? AND chat_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, title);
  q.bind(2, ref.platform);
  q.bind(3, kind_word(ref.kind));
  q.bind(4, ref.id);
  return q.exec() > 0;
}

void chat_store::touch_member(std::int64_t chat_id, std::int64_t member_id, std::int64_t now_ms) {
  static constexpr const char* sql =
      "INSERT INTO chat_members (chat_id, member_id, first_seen_at, last_seen_at) VALUES (?1, ?2, ?3, ?3) "
      "ON CONFLICT (chat_id, member_id) DO UPDATE SET last_seen_at = ?3";
  std::string key = std::to_string(chat_id) + '\x1f' + std::to_string(member_id);
  if (heard_.fresh(key, {}, now_ms)) return;
  auto q = db_.prepare(sql);
  q.bind(1, chat_id);
  q.bind(2, member_id);
  q.bind(3, now_ms);
  q.exec();
  heard_.keep(std::move(key), {}, true, now_ms);
}

bot::chat_ref chat_store::direct_chat_of(const member_row& m) {
  static constexpr const char* sql =
      "SELECT account FROM ("
      "SELECT account, last_seen_at AS at FROM chats WHERE platform = ?1 AND kind = 'direct' AND chat_id = "
      "?2 "
      "UNION ALL "
      "SELECT c.account, cm.last_seen_at FROM chat_members cm JOIN chats c ON c.id = cm.chat_id "
      "WHERE cm.member_id = ?3 AND c.platform = ?1) AS heard "
      "ORDER BY at DESC LIMIT 1";
  auto q = db_.prepare(sql);
  q.bind(1, m.platform);
  q.bind(2, m.user_id);
  q.bind(3, m.id);
  bot::chat_ref out{m.platform, "", bot::chat_kind::direct, m.user_id};
  if (q.executeStep()) out.account = q.getColumn(0).getString();
  return out;
}

std::vector<std::int64_t> chat_store::members_of(std::int64_t chat_id) {
  static constexpr const char* sql =
      "SELECT member_id FROM chat_members WHERE chat_id = ? ORDER BY member_id";
  auto q = db_.prepare(sql);
  q.bind(1, chat_id);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

void chat_store::set_lang(std::int64_t chat_id, const std::optional<std::string>& lang) {
  touched_.clear();  // the rows remembered by touch() change
  static constexpr const char* sql = "UPDATE chats SET lang = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  bind_optional(q, 1, lang);
  q.bind(2, chat_id);
  q.exec();
}

std::vector<chat_row> chat_store::groups_of(std::int64_t community_id,
                                            const std::optional<std::string>& building,
                                            const std::string& purpose) {
  static const std::string sql =
      std::string("SELECT ") + chat_columns +
      " FROM chats WHERE community_id = ?1 AND kind = 'group' AND active = 1 "
      "AND registered_at IS NOT NULL AND purpose = ?2 AND (?3 IS NULL OR building IS NULL OR building = ?3) "
      "ORDER BY id";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  q.bind(2, purpose);
  bind_optional(q, 3, building);
  std::vector<chat_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

std::vector<std::int64_t> chat_store::communities_on(const std::string& platform,
                                                     const std::string& account) {
  static constexpr const char* sql =
      "SELECT DISTINCT community_id FROM chats WHERE platform = ? AND account = ? AND registered_at IS NOT "
      "NULL "
      "AND active = 1 ORDER BY community_id";
  auto q = db_.prepare(sql);
  q.bind(1, platform);
  q.bind(2, account);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace storage
