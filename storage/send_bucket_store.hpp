// Token buckets in the database, shared by the instances on one PostgreSQL database
// (bot/outbox_pump takes from them after its own in-memory buckets). On SQLite every take succeeds
// and nothing is written: the pump's own buckets are the whole limit there.
#pragma once
#include <cstdint>
#include <string>

namespace storage {

class database;

class send_bucket_store {
 public:
  explicit send_bucket_store(database& db) : db_(db) {}
  // Takes one token from `key`'s bucket (refilled at per_second up to burst); false when it is empty.
  bool take(const std::string& key, double per_second, int burst, std::int64_t now_ms);

 private:
  database& db_;
};

}  // namespace storage
