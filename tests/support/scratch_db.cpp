#include "support/scratch_db.hpp"
#include "storage/pg_engine.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace testing {
namespace {

const char* postgres_url() {
  const char* url = std::getenv("ESTATEBOT_TEST_POSTGRES");
  return url && *url ? url : nullptr;
}

void run(const char* url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string why = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("ESTATEBOT_TEST_POSTGRES: " + why);
  }
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  PGresult* r = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  std::string why = ok ? "" : PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(conn);
  if (!ok) throw std::runtime_error(sql + ": " + why);
}

// The schemas this process made, dropped at its end.
struct schemas {
  std::mutex lock;
  std::vector<std::string> made;
  ~schemas() {
    const char* url = postgres_url();
    if (!url || made.empty()) return;
    std::string sql;
    for (const auto& s : made) sql += "DROP SCHEMA IF EXISTS " + s + " CASCADE;";
    try {
      run(url, sql);
    } catch (...) {
    }
  }
};

schemas& all() {
  static schemas s;
  return s;
}

}  // namespace

bool on_postgres() {
  return postgres_url() != nullptr;
}

std::string storage_keys(const std::string& file) {
  if (!on_postgres()) return "path = \"" + file + "\"";
  return "backend = \"postgres\"\nurl = \"" + scratch_database() + "\"";
}

std::string scratch_database() {
  const char* url = postgres_url();
  if (!url) return ":memory:";
  auto& s = all();
  std::string name;
  {
    std::lock_guard<std::mutex> guard(s.lock);
    name = "t" + std::to_string(::getpid()) + "_" + std::to_string(s.made.size() + 1);
    s.made.push_back(name);
  }
  run(url, "DROP SCHEMA IF EXISTS " + name + " CASCADE; CREATE SCHEMA " + name);
  return storage::url_in_schema(url, name);
}

}  // namespace testing
