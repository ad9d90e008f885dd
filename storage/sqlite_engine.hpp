// The embedded engine: one SQLite file (or ":memory:") in WAL mode, with its PRAGMAs, the
// application_id stamp, migrations keyed on user_version and a checkpointer thread for files.
#pragma once
#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/engine.hpp"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace storage {

class checkpointer;
class sqlite_cursor;

class sqlite_engine final : public engine {
 public:
  sqlite_engine(const std::string& path, int busy_timeout_ms, durability d, connection_role role);
  ~sqlite_engine() override;

  cursor& prepare(const char* sql) override;
  std::unique_ptr<cursor> prepare_once(const std::string& sql) override;
  void exec(const std::string& script) override;
  std::int64_t last_insert_id() override;
  std::uint64_t changes() override;
  void begin(begin_mode mode) override;
  void commit() override;
  void rollback() override;
  void savepoint(int level) override;
  void release(int level) override;
  void rollback_to(int level) override;
  void end_reads() override;
  bool lost_race(const std::exception& e) const override;
  int schema_version() override;
  void check_stamp() override;
  void migrate() override;
  void probe_write() override;
  std::string describe() const override { return path_; }
  std::string journal_mode() override;

  SQLite::Database& raw() { return *db_; }
  const std::string& file() const { return file_; }
  // Checkpoints the log and truncates it to nothing (the scrub after a secret is deleted).
  void checkpoint_truncate();

 private:
  enum class control_verb {
    begin_deferred,
    begin_immediate,
    commit,
    rollback,
    savepoint,
    release,
    rollback_to,
    count
  };
  void control(control_verb verb, int level = 0);

  std::string path_;
  std::string file_;
  std::unique_ptr<SQLite::Database> db_;
  std::unordered_map<const char*, std::unique_ptr<sqlite_cursor>> statements_;
  // Transaction statements by verb, and by savepoint level for the leveled ones.
  std::array<std::vector<std::unique_ptr<SQLite::Statement>>, static_cast<std::size_t>(control_verb::count)>
      control_;
  std::unique_ptr<checkpointer> checkpointer_;  // file databases; stopped first
};

}  // namespace storage
