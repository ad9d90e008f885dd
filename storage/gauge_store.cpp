#include "storage/gauge_store.hpp"

#include "storage/database.hpp"
#include "storage/statement.hpp"

namespace storage {

std::vector<outbox_depth> gauge_store::outbox_unsent() {
  static constexpr const char* sql =
      "SELECT state, priority, count(*) FROM outbox WHERE state != 'sent' GROUP BY state, priority "
      "ORDER BY state, priority";
  auto q = db_.prepare(sql);
  std::vector<outbox_depth> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getInt64()});
  return out;
}

std::int64_t gauge_store::database_bytes() {
  // SQLite: the file's pages in use; PostgreSQL: the size of the whole database.
  static constexpr const char* sqlite_sql =
      "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
  static constexpr const char* postgres_sql = "SELECT pg_database_size(current_database())";
  auto q = db_.prepare(db_.is_postgres() ? postgres_sql : sqlite_sql);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

}  // namespace storage
