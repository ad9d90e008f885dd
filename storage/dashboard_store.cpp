#include "storage/dashboard_store.hpp"

#include "storage/statement.hpp"

namespace storage {

void dashboard_store::add_link(const std::string& hash, const dashboard_login& who, std::int64_t expires_at) {
  auto q = db_.prepare(
      "INSERT INTO dashboard_links (hash, member_id, community_id, lang, expires_at) VALUES (?, ?, ?, ?, ?)");
  q.bind(1, hash);
  q.bind(2, who.member_id);
  q.bind(3, who.community_id);
  q.bind(4, who.lang);
  q.bind(5, expires_at);
  q.exec();
}

std::optional<dashboard_login> dashboard_store::take_link(const std::string& hash, std::int64_t now_ms) {
  auto q = db_.prepare(
      "DELETE FROM dashboard_links WHERE hash = ? RETURNING member_id, community_id, lang, expires_at");
  q.bind(1, hash);
  if (!q.executeStep()) return std::nullopt;
  dashboard_login who{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString()};
  const bool fresh = q.getColumn(3).getInt64() > now_ms;
  while (q.executeStep()) {
  }
  if (!fresh) return std::nullopt;
  return who;
}

void dashboard_store::open_session(const std::string& hash, const dashboard_login& who, std::int64_t now_ms) {
  auto q = db_.prepare(
      "INSERT INTO dashboard_sessions (hash, member_id, community_id, lang, created_at, last_seen_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  q.bind(1, hash);
  q.bind(2, who.member_id);
  q.bind(3, who.community_id);
  q.bind(4, who.lang);
  q.bind(5, now_ms);
  q.bind(6, now_ms);
  q.exec();
}

std::optional<dashboard_login> dashboard_store::use_session(const std::string& hash, std::int64_t now_ms,
                                                            std::int64_t idle_since,
                                                            std::int64_t opened_since) {
  std::optional<dashboard_login> who;
  bool alive = false;
  {
    auto q = db_.prepare(
        "SELECT member_id, community_id, lang, last_seen_at >= ? AND created_at >= ? FROM dashboard_sessions "
        "WHERE hash = ?");
    q.bind(1, idle_since);
    q.bind(2, opened_since);
    q.bind(3, hash);
    if (!q.executeStep()) return std::nullopt;
    who = dashboard_login{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString()};
    alive = q.getColumn(3).getInt() != 0;
  }
  if (!alive) {
    end_session(hash);
    return std::nullopt;
  }
  auto u = db_.prepare("UPDATE dashboard_sessions SET last_seen_at = ? WHERE hash = ?");
  u.bind(1, now_ms);
  u.bind(2, hash);
  u.exec();
  return who;
}

void dashboard_store::end_session(const std::string& hash) {
  auto q = db_.prepare("DELETE FROM dashboard_sessions WHERE hash = ?");
  q.bind(1, hash);
  q.exec();
}

int dashboard_store::end_sessions_of(std::int64_t member_id) {
  auto links = db_.prepare("DELETE FROM dashboard_links WHERE member_id = ?");
  links.bind(1, member_id);
  links.exec();
  auto q = db_.prepare("DELETE FROM dashboard_sessions WHERE member_id = ?");
  q.bind(1, member_id);
  return q.exec();
}

void dashboard_store::forget_stale(std::int64_t now_ms, std::int64_t idle_since, std::int64_t opened_since) {
  auto links = db_.prepare("DELETE FROM dashboard_links WHERE expires_at <= ?");
  links.bind(1, now_ms);
  links.exec();
  auto sessions = db_.prepare("DELETE FROM dashboard_sessions WHERE last_seen_at < ? OR created_at < ?");
  sessions.bind(1, idle_since);
  sessions.bind(2, opened_since);
  sessions.exec();
}

}  // namespace storage
