// `estatebot copy-db --from FILE`: an SQLite database copied into the configured one (PostgreSQL,
// when a company outgrows one machine). Both are brought to this build's schema first. Tables go in
// the order their foreign keys need, each in one transaction, in batches; a row already there (same
// key) is left alone, so a second run copies nothing twice and finishes what a broken first run left.
// Tables without a key are copied only while empty in the target. The per-day statistics cache
// is not copied (it fills again when asked). Identity sequences then continue after the highest id.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace storage {

class database;

struct table_count {
  std::string table;
  std::int64_t source = 0;
  std::int64_t target = 0;  // after the copy
  std::int64_t copied = 0;  // rows this run added
};

// `progress(table, rows done, rows in table)` after each batch.
using copy_progress = std::function<void(const std::string&, std::int64_t, std::int64_t)>;

std::vector<table_count> copy_database(database& from, database& to, const copy_progress& progress);

}  // namespace storage
