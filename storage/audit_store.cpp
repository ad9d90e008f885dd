#include "storage/audit_store.hpp"

#include "storage/statement.hpp"

namespace storage {

void audit_store::record(std::optional<std::int64_t> actor_id, const std::string& action,
                         const std::string& target, const std::string& detail, std::int64_t now_ms) {
  static constexpr const char* sql =
      "INSERT INTO audit_log (at, actor_id, action, target, detail) VALUES (?, ?, ?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, now_ms);
  bind_optional(q, 2, actor_id);
  q.bind(3, action);
  q.bind(4, target);
  q.bind(5, detail);
  q.exec();
}

std::vector<audit_row> audit_store::recent(int limit) {
  static constexpr const char* sql =
      "SELECT id, at, actor_id, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?";
  auto q = db_.prepare(sql);
  q.bind(1, limit);
  std::vector<audit_row> out;
  while (q.executeStep()) {
    audit_row r;
    r.id = q.getColumn(0).getInt64();
    r.at = q.getColumn(1).getInt64();
    if (!q.getColumn(2).isNull()) r.actor_id = q.getColumn(2).getInt64();
    r.action = q.getColumn(3).getString();
    r.target = q.getColumn(4).getString();
    r.detail = q.getColumn(5).getString();
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace storage
