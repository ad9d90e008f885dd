// The ordered list of schema migrations. Version N is the N-th entry; entries are never edited
// once released, only appended.
#pragma once
#include <vector>

namespace storage {

// `sql` is in SQLite's dialect; PostgreSQL runs its translation (storage/pg_dialect), or
// `postgres` where a migration has one of its own (triggers, which PostgreSQL writes as functions).
struct migration {
  const char* name;
  const char* sql;
  const char* postgres = nullptr;
};

const std::vector<migration>& migrations();

}  // namespace storage
