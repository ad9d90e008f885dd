#include "storage/database.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "bot/log.hpp"
#include "storage/checkpointer.hpp"
#include "storage/migrations.hpp"
#include "storage/statement.hpp"

namespace storage {
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

database::database(const std::string& path, int busy_timeout_ms, durability d, connection_role role)
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
    if (db_->execAndGet("PRAGMA application_id").getInt() != application_id ||
        schema_version() != latest_version())
      throw database_error(fmt::format("{} is not the estatebot database this build opened", path_));
    return;
  }
  check_stamp();
  migrate();
  // A database in a file (not ":memory:", not a temporary one) gets its checkpoints beside the
  // event loop (storage/checkpointer); the automatic one inside a commit stays only as a backstop,
  // at 10,000 pages instead of 1,000.
  const char* file = sqlite3_db_filename(db_->getHandle(), "main");
  if (file && *file) {
    file_ = file;
    db_->exec("PRAGMA wal_autocheckpoint = 10000");
    checkpointer_ = std::make_unique<checkpointer>(file, std::chrono::seconds(1));
  }
}

database::~database() {
  checkpointer_.reset();
  statements_.clear();
}

int database::latest_version() {
  return static_cast<int>(migrations().size());
}

int database::schema_version() {
  return db_->execAndGet("PRAGMA user_version").getInt();
}

std::string database::journal_mode() {
  return db_->execAndGet("PRAGMA journal_mode").getString();
}

void database::check_stamp() {
  int app = db_->execAndGet("PRAGMA application_id").getInt();
  if (app == application_id) return;
  if (app != 0)
    throw database_error(fmt::format("{} belongs to another application (application_id {:#x})", path_, app));
  int objects = db_->execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  if (objects != 0) throw database_error(fmt::format("{} is not an estatebot database", path_));
  db_->exec(fmt::format("PRAGMA application_id = {}", application_id));
}

void database::migrate() {
  const auto& list = migrations();
  int current = schema_version();
  int latest = static_cast<int>(list.size());
  if (current > latest)
    throw database_error(fmt::format(
        "{} has schema version {}, newer than this estatebot understands ({}); run a newer estatebot", path_,
        current, latest));
  if (current == latest) return;
  SQLite::Transaction txn(*db_, SQLite::TransactionBehavior::IMMEDIATE);
  for (int v = current; v < latest; ++v) {
    bot::log::info("storage", "migrating {} to version {} ({})", path_, v + 1, list[v].name);
    db_->exec(list[v].sql);
  }
  db_->exec(fmt::format("PRAGMA user_version = {}", latest));
  txn.commit();
}

void database::scrub_wal() {
  if (depth_ > 0) {
    scrub_pending_ = true;
    return;
  }
  checkpoint_truncate();
}

void database::after_commit(const void* key, const std::function<void()>& f) {
  if (depth_ == 0) {
    f();
    return;
  }
  for (const auto& [k, waiting] : after_commit_)
    if (k == key) return;
  after_commit_.emplace_back(key, f);
}

void database::outermost_ended(bool committed) {
  auto callbacks = std::move(after_commit_);
  after_commit_.clear();
  if (scrub_pending_) {
    scrub_pending_ = false;
    checkpoint_truncate();
  }
  if (!committed) return;
  for (auto& [key, f] : callbacks) f();
}

void database::checkpoint_truncate() {
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

void database::end_reads() {
  for (auto& [sql, cached] : statements_) cached->tryReset();
}

statement database::prepare(const char* sql) {
  auto& slot = statements_[sql];
  if (!slot) {
    slot = std::make_unique<SQLite::Statement>(*db_, sql);
  } else {
    slot->tryReset();  // a handle still out (a nested call of the same store method) loses its row
    slot->clearBindings();
  }
  return statement(*slot);
}

std::int64_t database::last_insert_id() {
  return db_->getLastInsertRowid();
}

void database::backup_to(const std::string& target) {
  SQLite::Database to(target, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  SQLite::Backup copy(to, *db_);
  constexpr int pages_per_step = 256;
  // Each step holds the source's read lock only briefly; a write in between restarts the copy
  // from the changed pages, so the result is one consistent state.
  while (copy.executeStep(pages_per_step) != SQLITE_DONE) sqlite3_sleep(1);
}

void database::settle_batch() {
  if (batch_open_ && batch_commit_ && depth_ == 1 && !in_event_) batch_commit_();
}

namespace {
int enter(database& db) {
  db.settle_batch();
  return db.depth()++;
}
}  // namespace

transaction::transaction(database& db, begin_mode mode) : db_(db), level_(enter(db)) {
  try {
    begin(mode);
  } catch (...) {
    --db_.depth();
    throw;
  }
}

void transaction::begin(begin_mode mode) {
  if (level_ != 0) {
    db_.raw().exec(fmt::format("SAVEPOINT sp{}", level_));
    return;
  }
  if (mode == begin_mode::deferred) {
    db_.raw().exec("BEGIN DEFERRED");
    return;
  }
  try {
    db_.raw().exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    // A statement of ours still held an old snapshot while another process wrote: end every
    // read and start again from the current database.
    if (!is_busy_snapshot(e)) throw;
    bot::log::info("storage", "{}: a stale read snapshot was ended before a write", db_.path());
    db_.end_reads();
    db_.raw().exec("BEGIN IMMEDIATE");
  }
}

transaction::~transaction() {
  if (!open_) return;
  try {
    rollback();
  } catch (const std::exception& e) {
    bot::log::error("storage", "rollback failed: {}", e.what());
  }
}

void transaction::commit() {
  if (!open_) throw database_error("commit of a closed transaction");
  if (level_ == 0)
    db_.raw().exec("COMMIT");
  else
    db_.raw().exec(fmt::format("RELEASE sp{}", level_));
  open_ = false;
  --db_.depth();
  if (level_ == 0) db_.outermost_ended(true);
}

void transaction::rollback() {
  if (!open_) return;
  open_ = false;
  db_.rolled_back();
  --db_.depth();
  if (level_ == 0) {
    db_.raw().exec("ROLLBACK");
    db_.outermost_ended(false);  // rolled-back pages may have reached the log as well
  } else {
    db_.raw().exec(fmt::format("ROLLBACK TO sp{}", level_));
    db_.raw().exec(fmt::format("RELEASE sp{}", level_));
  }
}

}  // namespace storage
