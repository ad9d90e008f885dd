#include "storage/inbound_store.hpp"

#include "storage/statement.hpp"

namespace storage {

bool inbound_store::remember(const std::string& platform, const std::string& account,
                             const std::string& message_key, std::int64_t now_ms) {
  static constexpr const char* sql =
      "INSERT INTO inbound_seen (platform, account, message_key, seen_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT DO NOTHING";
  auto q = db_.prepare(sql);
  q.bind(1, platform);
  q.bind(2, account);
  q.bind(3, message_key);
  q.bind(4, now_ms);
  return q.exec() > 0;
}

int inbound_store::prune(std::int64_t older_than_ms) {
  static constexpr const char* sql = "DELETE FROM inbound_seen WHERE seen_at < ?";
  auto q = db_.prepare(sql);
  q.bind(1, older_than_ms);
  return q.exec();
}

}  // namespace storage
