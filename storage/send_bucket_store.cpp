#include "storage/send_bucket_store.hpp"

#include "storage/database.hpp"
#include "storage/statement.hpp"

namespace storage {

bool send_bucket_store::take(const std::string& key, double per_second, int burst, std::int64_t now_ms) {
  if (!db_.is_postgres()) return true;
  // One statement, so that two instances taking at once cannot both spend the last token: the
  // row is locked by the first, and the second sees what it left.
  static constexpr const char* sql =
      "INSERT INTO send_buckets (key, tokens, at) VALUES (?1, ?3 - 1, ?4) "
      "ON CONFLICT (key) DO UPDATE SET "
      "tokens = min(?3, send_buckets.tokens + (?4 - send_buckets.at) * ?2 / 1000.0) - 1, at = ?4 "
      "WHERE min(?3, send_buckets.tokens + (?4 - send_buckets.at) * ?2 / 1000.0) >= 1";
  auto q = db_.prepare(sql);
  q.bind(1, key);
  q.bind(2, per_second);
  q.bind(3, static_cast<double>(burst));
  q.bind(4, now_ms);
  return q.exec() == 1;
}

}  // namespace storage
