// Where a test keeps a database that lives as long as the test: SQLite in memory, or, when
// ESTATEBOT_TEST_POSTGRES names a PostgreSQL database (scripts/test-postgres), a schema of its
// own there, made for the test and dropped when the test process ends. The suite then runs the
// same tests against both engines.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

#include "storage/database.hpp"
#include "storage/statement.hpp"

namespace testing {

std::string scratch_database();
bool on_postgres();  // whether scratch databases are PostgreSQL ones in this run

// The [storage] keys of a loopback harness's config: `file` (SQLite), or on PostgreSQL runs a
// scratch schema.
std::string storage_keys(const std::string& file);

// The first column of the first row of a query, on either engine (parameters bound in order).
template <class... A>
std::int64_t sql_int(storage::database& db, const std::string& sql, const A&... args) {
  auto q = db.query(sql);
  int i = 0;
  (q.bind(++i, args), ...);
  if (!q.executeStep()) throw std::runtime_error("no row: " + sql);
  return q.getColumn(0).getInt64();
}
template <class... A>
std::string sql_text(storage::database& db, const std::string& sql, const A&... args) {
  auto q = db.query(sql);
  int i = 0;
  (q.bind(++i, args), ...);
  if (!q.executeStep()) throw std::runtime_error("no row: " + sql);
  return q.getColumn(0).getString();
}

}  // namespace testing
