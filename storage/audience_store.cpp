#include "storage/audience_store.hpp"

#include "storage/statement.hpp"

namespace storage {

std::vector<std::int64_t> audience_store::reporters_of(std::int64_t community_id,
                                                       const std::string& category) {
  static constexpr const char* sql =
      "SELECT DISTINCT reporter_id FROM tickets WHERE community_id = ? AND category = ? AND reporter_id IS "
      "NOT NULL "
      "ORDER BY reporter_id";
  auto q = db_.prepare(sql);
  q.bind(1, community_id);
  q.bind(2, category);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace storage
