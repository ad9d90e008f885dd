// PostgreSQL through libpq, for several estatebot instances on one database.
//
// How it keeps SQLite's guarantees:
// - A write transaction (BEGIN IMMEDIATE in SQLite) takes a transaction-scoped advisory lock
//   first, so writers across instances take turns exactly as SQLite's writers do; every statement
//   after it reads the latest commits (READ COMMITTED). Readers never wait (MVCC). A DEFERRED
//   transaction is REPEATABLE READ: one snapshot, and a write that meets a newer commit fails as a
//   lost race (40001), as SQLITE_BUSY_SNAPSHOT does.
// - The busy timeout is the lock_timeout; durability "process" is synchronous_commit = off (a crash
//   of the database server may lose the last commits, a crash of estatebot loses nothing).
// - Times stay integers (unix milliseconds, BIGINT), text compares by bytes (COLLATE "C"),
//   comparisons read as 0/1, so the stores see the same values from both engines.
// - The schema version lives in the table estatebot_schema; migrations run under the same lock.
#pragma once
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "storage/engine.hpp"

struct pg_conn;

namespace storage {

class pg_cursor;

struct pg_error : std::runtime_error {
  pg_error(const std::string& what, std::string state)
      : std::runtime_error(what), sqlstate(std::move(state)) {}
  std::string sqlstate;  // "40001", "23505", …
};

class pg_engine final : public engine {
 public:
  pg_engine(const std::string& url, int busy_timeout_ms, durability d, connection_role role);
  ~pg_engine() override;

  cursor& prepare(const char* sql) override;
  std::unique_ptr<cursor> prepare_once(const std::string& sql) override;
  void exec(const std::string& script) override;
  std::int64_t last_insert_id() override;
  std::uint64_t changes() override { return changes_; }
  void begin(begin_mode mode) override;
  void commit() override;
  void rollback() override;
  void savepoint(int level) override;
  void release(int level) override;
  void rollback_to(int level) override;
  void end_reads() override {}  // results are read whole: no statement holds a snapshot
  bool lost_race(const std::exception& e) const override;
  int schema_version() override;
  void check_stamp() override;
  void migrate() override;
  void probe_write() override;
  std::string describe() const override { return described_; }
  void notify_at_commit(const char* channel) override;
  std::string journal_mode() override { return "postgresql"; }

  // One statement with its parameters as text (NULL where absent); throws pg_error.
  void run(const std::string& sql);
  pg_conn* connection() { return conn_; }
  // Whether `table` has an identity column `id` (asked once per table).
  bool has_identity_id(const std::string& table);
  // What the last INSERT handed back: its id, or nothing when lastval() must say.
  void inserted(std::optional<std::int64_t> id);
  void changed(std::uint64_t rows) { changes_ += rows; }
  // Sends the savepoints still waiting (see savepoint()).
  void flush();
  // Opens the connection again if it was lost (outside a transaction); throws when it cannot.
  void reconnect_if_lost();
  int session_number() const { return session_number_; }
  // A fresh name for a server-side prepared statement.
  std::string next_statement_name() { return "s" + std::to_string(++statements_made_); }

 private:
  void migrate_locked();

  pg_conn* conn_ = nullptr;
  std::string described_;
  std::unordered_map<const char*, std::unique_ptr<pg_cursor>> statements_;
  int statements_made_ = 0;
  std::string session_;     // the SETs every session starts with
  int session_number_ = 0;  // one more at each reconnection
  bool in_transaction_ = false;
  std::set<std::string> notify_;  // channels to NOTIFY with the commit
  std::string pending_;           // savepoint commands not sent yet
  std::unordered_map<std::string, bool> identity_id_;
  std::optional<std::int64_t> last_id_;
  std::uint64_t changes_ = 0;
  bool deferred_ = false;        // the open transaction is a DEFERRED one
  long long deferred_from_ = 0;  // estatebot_writes when it began
};

// The URL without its password, for logs and /healthz.
std::string redact_url(const std::string& url);
// The URL of the same database with `schema` first in the search path (tests and benchmarks keep
// a schema each).
std::string url_in_schema(const std::string& url, const std::string& schema);

}  // namespace storage
