#include "storage/sqlite_engine.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "bot/log.hpp"
#include "storage/checkpointer.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace storage {

class sqlite_cursor final : public cursor {
 public:
  sqlite_cursor(SQLite::Database& db, const std::string& sql) : s_(db, sql) {}
  void bind_null(int index) override { s_.bind(index); }
  void bind_int(int index, std::int64_t v) override { s_.bind(index, v); }
  void bind_double(int index, double v) override { s_.bind(index, v); }
  void bind_text(int index, std::string_view v) override {
    s_.bind(index, std::string(v));  // SQLiteCpp has no string_view overload; (void*, int) is a blob
  }
  void bind_blob(int index, std::string_view bytes) override {
    s_.bind(index, bytes.data(), static_cast<int>(bytes.size()));
  }
  void clear_bindings() override { s_.clearBindings(); }
  bool step() override { return s_.executeStep(); }
  int exec() override { return s_.exec(); }
  void reset() override { s_.reset(); }
  void try_reset() { s_.tryReset(); }
  bool is_null(int column) const override { return s_.isColumnNull(column); }
  std::int64_t get_int(int column) const override { return s_.getColumn(column).getInt64(); }
  double get_double(int column) const override { return s_.getColumn(column).getDouble(); }
  std::string get_text(int column) const override { return s_.getColumn(column).getString(); }
  std::string get_blob(int column) const override {
    const auto c = s_.getColumn(column);
    return std::string(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
  }
  int column_count() const override { return s_.getColumnCount(); }
  std::string column_name(int column) const override { return s_.getColumnName(column); }
  value_type type(int column) const override {
    switch (s_.getColumn(column).getType()) {
      case SQLITE_INTEGER:
        return value_type::integer;
      case SQLITE_FLOAT:
        return value_type::real;
      case SQLITE_BLOB:
        return value_type::blob;
      case SQLITE_NULL:
        return value_type::null;
      default:
        return value_type::text;
    }
  }

 private:
  SQLite::Statement s_;
};

namespace {

bool is_file(const std::string& path) {
  return path != ":memory:" && path.rfind("file:", 0) != 0;
}

// SQLite says only "unable to open database file": name the path and what the system says.
[[noreturn]] void cannot_open(const std::string& path, const std::exception& e) {
  namespace fs = std::filesystem;
  std::string why = e.what();
  if (is_file(path)) {
    fs::path p(path);
    fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
    std::error_code ec;
    if (fs::exists(p, ec) && ::access(path.c_str(), R_OK | W_OK) != 0)
      why = fmt::format("the file is not readable and writable by this user ({})", std::strerror(errno));
    else if (::access(dir.c_str(), W_OK) != 0)
      why = fmt::format(
          "its folder {} is not writable by this user ({}); SQLite needs to create the "
          "-wal and -shm files beside it",
          dir.string(), std::strerror(errno));
  }
  throw database_error(fmt::format("cannot open the database {}: {}", path, why));
}

std::unique_ptr<SQLite::Database> open(const std::string& path, int busy_timeout_ms) {
  try {
    if (is_file(path)) {
      auto parent = std::filesystem::path(path).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent);
    }
    auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                                 busy_timeout_ms);
    db->exec("PRAGMA journal_mode = WAL");  // the first statement that needs the files
    return db;
  } catch (const std::exception& e) {
    cannot_open(path, e);
  }
}

// Another connection committed after our snapshot began: the snapshot cannot become a write.
bool is_busy_snapshot(const SQLite::Exception& e) {
  return e.getExtendedErrorCode() == SQLITE_BUSY_SNAPSHOT;
}

}  // namespace

sqlite_engine::sqlite_engine(const std::string& path, int busy_timeout_ms, durability d, connection_role role)
    : path_(path), db_(open(path, busy_timeout_ms)) {
  const bool full = d == durability::power && role == connection_role::owner;
  db_->exec(full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
  db_->exec("PRAGMA foreign_keys = ON");
  // Deleted rows are overwritten, not just unlinked: the suggestion box promises that what ties a
  // writer to a suggestion is gone once the ticket closes. (Debian builds SQLite with this on.)
  db_->exec("PRAGMA secure_delete = ON");
  // No journal_size_limit: the writer that restarts the log would cut the file back in the middle of
  // an event (an ftruncate of up to 30 ms on a busy disk, p99 20 ms instead of 10). The checkpointer
  // thread keeps the file small instead (storage/checkpointer).
  if (role == connection_role::helper) {
    // Checkpoints are the checkpointer's (and the scrub's, under its lock): none inside a commit here.
    db_->exec("PRAGMA wal_autocheckpoint = 0");
    if (db_->execAndGet("PRAGMA application_id").getInt() != database::application_id ||
        schema_version() != database::latest_version())
      throw database_error(fmt::format("{} is not the estatebot database this build opened", path_));
    return;
  }
  // A database in a file (not ":memory:", not a temporary one) gets its checkpoints beside the
  // event loop (storage/checkpointer); the automatic one inside a commit stays only as a backstop,
  // at 10,000 pages instead of 1,000.
  const char* file = sqlite3_db_filename(db_->getHandle(), "main");
  if (file && *file) {
    file_ = file;
    db_->exec("PRAGMA wal_autocheckpoint = 10000");
  }
}

sqlite_engine::~sqlite_engine() {
  checkpointer_.reset();
  statements_.clear();
  for (auto& verb : control_) verb.clear();
}

int sqlite_engine::schema_version() {
  return db_->execAndGet("PRAGMA user_version").getInt();
}

std::string sqlite_engine::journal_mode() {
  return db_->execAndGet("PRAGMA journal_mode").getString();
}

void sqlite_engine::check_stamp() {
  int app = db_->execAndGet("PRAGMA application_id").getInt();
  if (app == database::application_id) return;
  if (app != 0)
    throw database_error(fmt::format("{} belongs to another application (application_id {:#x})", path_, app));
  int objects = db_->execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  if (objects != 0) throw database_error(fmt::format("{} is not an estatebot database", path_));
  db_->exec(fmt::format("PRAGMA application_id = {}", database::application_id));
}

void sqlite_engine::migrate() {
  const auto& list = migrations();
  int current = schema_version();
  int latest = static_cast<int>(list.size());
  if (current > latest)
    throw database_error(fmt::format(
        "{} has schema version {}, newer than this estatebot understands ({}); run a newer estatebot", path_,
        current, latest));
  if (current < latest) {
    SQLite::Transaction txn(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    for (int v = current; v < latest; ++v) {
      bot::log::info("storage", "migrating {} to version {} ({})", path_, v + 1, list[v].name);
      db_->exec(list[v].sql);
    }
    db_->exec(fmt::format("PRAGMA user_version = {}", latest));
    txn.commit();
  }
  if (!file_.empty() && !checkpointer_)
    checkpointer_ = std::make_unique<checkpointer>(file_, std::chrono::seconds(1));
}

void sqlite_engine::probe_write() {
  db_->exec("PRAGMA user_version = " + std::to_string(schema_version()));
}

void sqlite_engine::checkpoint_truncate() {
  // A cached SELECT that stopped at a row holds a read snapshot, which keeps the log from being
  // truncated. The commit before this stands either way: a failure here is only logged.
  try {
    end_reads();
    std::unique_lock<std::mutex> exclusive;
    if (checkpointer_) exclusive = std::unique_lock(checkpointer_->exclusive());
    SQLite::Statement q(*db_, "PRAGMA wal_checkpoint(TRUNCATE)");
    if (q.executeStep() && q.getColumn(0).getInt() != 0)
      bot::log::warn("storage", "{}: the write-ahead log could not be truncated (busy)", path_);
  } catch (const std::exception& e) {
    bot::log::error("storage", "{}: the write-ahead log could not be truncated: {}", path_, e.what());
  }
}

void sqlite_engine::end_reads() {
  for (auto& [sql, cached] : statements_) cached->try_reset();
}

cursor& sqlite_engine::prepare(const char* sql) {
  auto& slot = statements_[sql];
  if (!slot) {
    slot = std::make_unique<sqlite_cursor>(*db_, sql);
  } else {
    slot->try_reset();  // a handle still out (a nested call of the same store method) loses its row
    slot->clear_bindings();
  }
  return *slot;
}

std::unique_ptr<cursor> sqlite_engine::prepare_once(const std::string& sql) {
  return std::make_unique<sqlite_cursor>(*db_, sql);
}

void sqlite_engine::exec(const std::string& script) {
  db_->exec(script);
}

std::int64_t sqlite_engine::last_insert_id() {
  return db_->getLastInsertRowid();
}

std::uint64_t sqlite_engine::changes() {
  return static_cast<std::uint64_t>(sqlite3_total_changes64(db_->getHandle()));
}

// Transaction statements are prepared once: parsing "SAVEPOINT sp2" anew for every event and every
// hook inside it cost more than running it.
void sqlite_engine::control(control_verb verb, int level) {
  static constexpr const char* texts[static_cast<std::size_t>(control_verb::count)] = {
      "BEGIN DEFERRED", "BEGIN IMMEDIATE", "COMMIT",        "ROLLBACK",
      "SAVEPOINT sp",   "RELEASE sp",      "ROLLBACK TO sp"};
  const auto v = static_cast<std::size_t>(verb);
  const bool leveled = verb >= control_verb::savepoint;
  auto& row = control_[v];
  const auto at = static_cast<std::size_t>(leveled ? level : 0);
  if (row.size() <= at) row.resize(at + 1);
  auto& slot = row[at];
  if (!slot)
    slot =
        std::make_unique<SQLite::Statement>(*db_, leveled ? fmt::format("{}{}", texts[v], level) : texts[v]);
  struct reset_after {
    SQLite::Statement& s;
    ~reset_after() { s.tryReset(); }
  } done{*slot};
  slot->exec();
}

void sqlite_engine::begin(begin_mode mode) {
  if (mode == begin_mode::deferred) {
    control(control_verb::begin_deferred);
    return;
  }
  try {
    control(control_verb::begin_immediate);
  } catch (const SQLite::Exception& e) {
    // A statement of ours still held an old snapshot while another process wrote: end every
    // read and start again from the current database.
    if (!is_busy_snapshot(e)) throw;
    bot::log::info("storage", "{}: a stale read snapshot was ended before a write", path_);
    end_reads();
    control(control_verb::begin_immediate);
  }
}

void sqlite_engine::commit() {
  control(control_verb::commit);
}
void sqlite_engine::rollback() {
  control(control_verb::rollback);
}
void sqlite_engine::savepoint(int level) {
  control(control_verb::savepoint, level);
}
void sqlite_engine::release(int level) {
  control(control_verb::release, level);
}
void sqlite_engine::rollback_to(int level) {
  control(control_verb::rollback_to, level);
  control(control_verb::release, level);
}

bool sqlite_engine::lost_race(const std::exception& e) const {
  const auto* s = dynamic_cast<const SQLite::Exception*>(&e);
  return s && s->getErrorCode() == SQLITE_BUSY;  // SQLITE_BUSY_SNAPSHOT among them
}

}  // namespace storage
