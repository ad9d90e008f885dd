#include "storage/community_store.hpp"

#include "storage/statement.hpp"

namespace storage {

std::int64_t community_store::ensure(const std::string& name, std::int64_t now_ms) {
  static constexpr const char* insert_sql =
      "INSERT INTO communities (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING";
  auto ins = db_.prepare(insert_sql);
  ins.bind(1, name);
  ins.bind(2, now_ms);
  ins.exec();
  return *find(name);
}

std::optional<std::int64_t> community_store::find(const std::string& name) {
  static constexpr const char* sql = "SELECT id FROM communities WHERE name = ?";
  auto q = db_.prepare(sql);
  q.bind(1, name);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::string community_store::name_of(std::int64_t id) {
  static constexpr const char* sql = "SELECT name FROM communities WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, id);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

std::vector<std::pair<std::int64_t, std::string>> community_store::all() {
  static constexpr const char* sql = "SELECT id, name FROM communities ORDER BY id";
  auto q = db_.prepare(sql);
  std::vector<std::pair<std::int64_t, std::string>> out;
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
  return out;
}

}  // namespace storage
