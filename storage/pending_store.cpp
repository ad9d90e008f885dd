#include "storage/pending_store.hpp"

#include "storage/statement.hpp"

namespace storage {

void pending_store::hold(std::int64_t chat_id, std::int64_t member_id, const std::string& body,
                         std::int64_t now_ms) {
  static constexpr const char* sql =
      "INSERT INTO pending_commands (chat_id, member_id, body, created_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (chat_id, member_id) DO UPDATE SET body = excluded.body, created_at = excluded.created_at";
  auto q = db_.prepare(sql);
  q.bind(1, chat_id);
  q.bind(2, member_id);
  q.bind(3, body);
  q.bind(4, now_ms);
  q.exec();
}

std::optional<std::string> pending_store::take(std::int64_t chat_id, std::int64_t member_id,
                                               std::int64_t since_ms) {
  static constexpr const char* sql =
      "DELETE FROM pending_commands WHERE chat_id = ? AND member_id = ? RETURNING body, created_at";
  auto q = db_.prepare(sql);
  q.bind(1, chat_id);
  q.bind(2, member_id);
  std::optional<std::string> body;
  while (q.executeStep())
    if (q.getColumn(1).getInt64() > since_ms) body = q.getColumn(0).getString();
  return body;
}

}  // namespace storage
