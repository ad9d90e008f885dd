// A connection to the service's database: SQLite (a file or ":memory:", the embedded default) or
// PostgreSQL (a "postgresql://" URL), chosen by the path. It migrates the schema, lends cached
// prepared statements and runs write transactions (nested ones become savepoints); one connection,
// used from one thread. The engines themselves are storage/sqlite_engine and storage/pg_engine.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace SQLite {
class Database;
}  // namespace SQLite

namespace storage {

class engine;
class sqlite_engine;
class statement;

// What a committed write survives: a crash of the process (synchronous = NORMAL: the log is
// synced at checkpoints) or also a power cut (FULL: the log is synced at every commit).
enum class durability { process, power };

// The connection the service writes through (it migrates the schema and runs the checkpoints), or
// a helper beside it on another thread (bot/reader_thread): it expects the schema the owner left
// and writes only what may be lost in a crash (synchronous = NORMAL).
enum class connection_role { owner, helper };

struct database_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class database {
 public:
  static constexpr int application_id = 0x45424f54;  // "EBOT"

  // Opens (creating parent folders and the file), checks the stamp, migrates. ":memory:" works;
  // so does "postgresql://…" (or "postgres://…", or "host=… dbname=…").
  explicit database(const std::string& path, int busy_timeout_ms = 5000, durability d = durability::power,
                    connection_role role = connection_role::owner);
  ~database();
  database(const database&) = delete;
  database& operator=(const database&) = delete;

  // A prepared statement cached by the address of its SQL constant, unbound, lent until the
  // returned handle goes (storage/statement.hpp).
  statement prepare(const char* sql);
  // A statement built at run time, prepared for this one use (a tool's, a test's).
  statement query(const std::string& sql);
  // Tells the other instances on a PostgreSQL database, once this transaction commits, that
  // `channel` has news (storage/pg_listener); nothing on SQLite.
  void notify(const char* channel);
  // Statements that return nothing, in the SQLite dialect (a PostgreSQL database translates them).
  void exec(const std::string& script);
  std::int64_t last_insert_id();
  // Rows inserted, updated or deleted through this connection so far (rolled-back ones too).
  std::uint64_t changes();
  bool is_postgres() const { return sqlite_ == nullptr; }
  // A number no other database object of this process had: a key for what a reader remembers of
  // this connection's data (domain/stats/day_sums).
  std::uint64_t serial() const { return serial_; }
  // The SQLite connection itself (tests, tools); throws on PostgreSQL.
  SQLite::Database& raw();
  // Whether an error from a write means that another connection won a race for the same rows
  // (the work may be done again from fresh reads).
  bool lost_race(const std::exception& e) const;
  // The smallest real commit (the health check's proof that writes work).
  void probe_write();

  int schema_version();
  std::string journal_mode();
  static int latest_version();  // the number of migrations this build knows
  const std::string& path() const { return path_; }
  // Where the database is, for people: the path, or the URL without its password.
  std::string describe() const;
  // The file as SQLite resolved it; empty for ":memory:", temporary and PostgreSQL databases.
  const std::string& file() const;

  // Deleted secrets must leave the -wal file too, where old frames of their pages stay until the
  // log is overwritten: checkpoints the WAL and truncates it to nothing, at once outside a
  // transaction, else when the outermost transaction ends.
  void scrub_wal();

  // Runs `f` once the outermost transaction commits (at once outside a transaction), so that
  // whoever waits for rows (the outbox pump) hears of them exactly when they exist. Once per `key`
  // and transaction: a broadcast queues thousands of rows and wants one wake-up. Forgotten when
  // the outermost transaction rolls back.
  void after_commit(const void* key, const std::function<void()>& f);

  // Group commit (bot/group_commit): a write transaction left open across the events of one turn of
  // the event loop. `commit` ends it; the database calls it before any write that is not part of an
  // event's handling (a scheduled job, the dashboard), so that nothing outside acts on rows that
  // could still roll back.
  void share_writes(std::function<void()> commit) { batch_commit_ = std::move(commit); }
  bool& batch_open() { return batch_open_; }  // set by the batch's owner
  // While true, transactions join the open batch (set around one event's handling).
  bool& in_event() { return in_event_; }
  // Commits an open batch unless an event is being handled.
  void settle_batch();

  // How many transactions or savepoints rolled back so far: caches of what was written drop what
  // they learnt before the last one (storage/touch_cache).
  std::uint64_t rollbacks() const { return rollbacks_; }
  void rolled_back() { ++rollbacks_; }

  // Transaction depth and the engine, for the transaction class.
  int& depth() { return depth_; }
  storage::engine& engine() { return *engine_; }
  // By the transaction class: runs a scrub asked for meanwhile, and the after_commit callbacks.
  void outermost_ended(bool committed);
  // Resets every cached statement, which ends any read snapshot this connection still holds.
  void end_reads();

 private:
  void checkpoint_truncate();

  std::string path_;
  std::unique_ptr<storage::engine> engine_;
  sqlite_engine* sqlite_ = nullptr;  // engine_, when it is SQLite
  int depth_ = 0;
  bool in_event_ = false;
  bool batch_open_ = false;
  std::uint64_t rollbacks_ = 0;
  std::uint64_t serial_;
  std::function<void()> batch_commit_;
  bool scrub_pending_ = false;
  std::vector<std::pair<const void*, std::function<void()>>> after_commit_;
};

// How an outermost transaction begins: IMMEDIATE takes the write lock at once; DEFERRED reads from
// one snapshot and takes the lock at its first write, which fails (SQLITE_BUSY_SNAPSHOT) when
// another connection committed since the snapshot began.
enum class begin_mode { immediate, deferred };

// BEGIN IMMEDIATE (or DEFERRED) at the outermost level, a SAVEPOINT inside another transaction.
// Rolls back unless committed.
class transaction {
 public:
  // Outside an event's handling, a group-commit batch left open is committed first (see
  // database::share_writes).
  explicit transaction(database& db, begin_mode mode = begin_mode::immediate);
  ~transaction();
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;
  void commit();
  void rollback();

 private:
  database& db_;
  int level_;
  bool open_ = true;
};

}  // namespace storage
