// What a database engine must do for the stores: prepared statements with positional parameters,
// scripts, write transactions and savepoints. Two engines implement it, SQLite (the embedded
// default, storage/sqlite_engine) and PostgreSQL (storage/pg_engine); storage::database holds one
// and adds what both share (transaction depth, group commit, after-commit callbacks). The stores
// write their SQL once, in the SQLite dialect; the PostgreSQL engine translates it
// (storage/pg_dialect). Only storage/ includes this.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace storage {

enum class begin_mode;
enum class durability;
enum class connection_role;

// What a column of the current row holds.
enum class value_type { null, integer, real, text, blob };

// One prepared statement. Parameters are numbered from 1, columns from 0.
class cursor {
 public:
  virtual ~cursor() = default;
  virtual void bind_null(int index) = 0;
  virtual void bind_int(int index, std::int64_t v) = 0;
  virtual void bind_double(int index, double v) = 0;
  virtual void bind_text(int index, std::string_view v) = 0;
  virtual void bind_blob(int index, std::string_view bytes) = 0;
  virtual void clear_bindings() = 0;
  // The next row; false once there is none. The first call runs the statement.
  virtual bool step() = 0;
  // Runs a statement that returns no rows; the number of rows it changed.
  virtual int exec() = 0;
  // Back to before the first step, the bindings kept; ends the statement's read snapshot.
  virtual void reset() = 0;

  virtual bool is_null(int column) const = 0;
  virtual std::int64_t get_int(int column) const = 0;
  virtual double get_double(int column) const = 0;
  virtual std::string get_text(int column) const = 0;
  virtual std::string get_blob(int column) const = 0;
  virtual int column_count() const = 0;
  virtual std::string column_name(int column) const = 0;
  virtual value_type type(int column) const = 0;
};

class engine {
 public:
  virtual ~engine() = default;
  // A statement cached by the address of its SQL (a constant of the calling store).
  virtual cursor& prepare(const char* sql) = 0;
  // A statement made for one use (SQL built at run time: a tool's, a test's).
  virtual std::unique_ptr<cursor> prepare_once(const std::string& sql) = 0;
  // Runs statements that return nothing (a migration, a PRAGMA).
  virtual void exec(const std::string& script) = 0;
  virtual std::int64_t last_insert_id() = 0;
  // Rows inserted, updated or deleted through this connection so far (rolled-back ones too).
  virtual std::uint64_t changes() = 0;

  virtual void begin(begin_mode mode) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual void savepoint(int level) = 0;
  virtual void release(int level) = 0;
  virtual void rollback_to(int level) = 0;
  // Ends every read snapshot a cached statement still holds.
  virtual void end_reads() = 0;
  // Whether the error thrown by a commit means that another connection won a race (SQLite's
  // BUSY_SNAPSHOT, PostgreSQL's serialization failure): the work may simply be done again.
  virtual bool lost_race(const std::exception& e) const = 0;

  virtual int schema_version() = 0;
  // Creates or checks the stamp that marks the database as estatebot's, and migrates it.
  virtual void check_stamp() = 0;
  virtual void migrate() = 0;
  // The smallest real commit, to prove that the database takes writes.
  virtual void probe_write() = 0;
  // Other instances on the same database hear `channel` once the current transaction commits (at
  // once outside one): PostgreSQL's NOTIFY. Nothing on SQLite, which one process owns.
  virtual void notify_at_commit(const char* channel) { (void)channel; }
  virtual std::string describe() const = 0;  // for /healthz: never a password
  virtual std::string journal_mode() = 0;
};

}  // namespace storage
