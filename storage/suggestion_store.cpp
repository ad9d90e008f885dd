#include "storage/suggestion_store.hpp"

#include "storage/statement.hpp"

namespace storage {

std::int64_t suggestion_store::queue(std::int64_t community_id, const std::string& description,
                                     const std::string& sealed) {
  static constexpr const char* sql =
      "INSERT INTO suggestion_inbox (community_id, description, sealed) VALUES (?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, community_id);
  q.bind(2, description);
  q.bind(3, sealed);
  q.exec();
  return db_.last_insert_id();
}

std::vector<suggestion_inbox_row> suggestion_store::inbox() {
  static constexpr const char* sql =
      "SELECT id, community_id, description, sealed FROM suggestion_inbox ORDER BY id";
  auto q = db_.prepare(sql);
  std::vector<suggestion_inbox_row> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getString()});
  return out;
}

void suggestion_store::remove_from_inbox(std::int64_t id) {
  static constexpr const char* sql = "DELETE FROM suggestion_inbox WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, id);
  q.exec();
}

void suggestion_store::keep_relay(std::int64_t ticket_id, const std::string& sealed) {
  static constexpr const char* sql =
      "INSERT INTO suggestion_relays (ticket_id, sealed) VALUES (?, ?) "
      "ON CONFLICT (ticket_id) DO UPDATE SET sealed = excluded.sealed";
  auto q = db_.prepare(sql);
  q.bind(1, ticket_id);
  q.bind(2, sealed);
  q.exec();
}

std::optional<std::string> suggestion_store::relay(std::int64_t ticket_id) {
  static constexpr const char* sql = "SELECT sealed FROM suggestion_relays WHERE ticket_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, ticket_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

void suggestion_store::forget_relay(std::int64_t ticket_id) {
  static constexpr const char* sql = "DELETE FROM suggestion_relays WHERE ticket_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, ticket_id);
  q.exec();
  db_.scrub_wal();
}

bool suggestion_store::use_quota(const std::string& bucket, std::int64_t window_start, int limit) {
  static constexpr const char* prune_sql = "DELETE FROM suggestion_quota WHERE window_start < ?";
  auto prune = db_.prepare(prune_sql);
  prune.bind(1, window_start);
  prune.exec();

  static constexpr const char* use_sql =
      "INSERT INTO suggestion_quota (bucket, window_start, used) VALUES (?1, ?2, 1) "
      "ON CONFLICT (bucket) DO UPDATE SET used = suggestion_quota.used + 1 WHERE suggestion_quota.used < ?3";
  auto q = db_.prepare(use_sql);
  q.bind(1, bucket);
  q.bind(2, window_start);
  q.bind(3, limit);
  return q.exec() > 0;
}

}  // namespace storage
