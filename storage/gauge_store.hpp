// What /metrics reads from the database when it is scraped: the outbox rows not sent yet (or
// never) by state and priority, and the size of the database file.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace storage {

struct outbox_depth {
  std::string state;
  int priority = 0;
  std::int64_t rows = 0;
};

class gauge_store {
 public:
  explicit gauge_store(database& db) : db_(db) {}

  std::vector<outbox_depth> outbox_unsent();
  std::int64_t database_bytes();  // pages in use × page size (the WAL not included)

 private:
  database& db_;
};

}  // namespace storage
