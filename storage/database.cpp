#include "storage/database.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <filesystem>

#include "bot/log.hpp"
#include "storage/migrations.hpp"

namespace storage {
namespace {

std::string open_path(const std::string& path) {
  if (path != ":memory:" && path.rfind("file:", 0) != 0) {
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  return path;
}

}  // namespace

database::database(const std::string& path, int busy_timeout_ms)
    : path_(path), db_(open_path(path), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, busy_timeout_ms) {
  db_.exec("PRAGMA journal_mode = WAL");
  db_.exec("PRAGMA synchronous = NORMAL");
  db_.exec("PRAGMA foreign_keys = ON");
  // Deleted rows are overwritten, not just unlinked: the suggestion box promises that what ties a
  // writer to a suggestion is gone once the ticket closes. (Debian builds SQLite with this on.)
  db_.exec("PRAGMA secure_delete = ON");
  // A checkpoint that restarts the log cuts it back to this size: stale frames do not pile up.
  db_.exec("PRAGMA journal_size_limit = 4194304");
  check_stamp();
  migrate();
}

database::~database() {
  statements_.clear();
}

int database::latest_version() {
  return static_cast<int>(migrations().size());
}

int database::schema_version() {
  return db_.execAndGet("PRAGMA user_version").getInt();
}

std::string database::journal_mode() {
  return db_.execAndGet("PRAGMA journal_mode").getString();
}

void database::check_stamp() {
  int app = db_.execAndGet("PRAGMA application_id").getInt();
  if (app == application_id) return;
  if (app != 0)
    throw database_error(fmt::format("{} belongs to another application (application_id {:#x})", path_, app));
  int objects = db_.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  if (objects != 0) throw database_error(fmt::format("{} is not an estatebot database", path_));
  db_.exec(fmt::format("PRAGMA application_id = {}", application_id));
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
  SQLite::Transaction txn(db_, SQLite::TransactionBehavior::IMMEDIATE);
  for (int v = current; v < latest; ++v) {
    bot::log::info("storage", "migrating {} to version {} ({})", path_, v + 1, list[v].name);
    db_.exec(list[v].sql);
  }
  db_.exec(fmt::format("PRAGMA user_version = {}", latest));
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
    for (auto& [sql, statement] : statements_) statement->reset();
    SQLite::Statement q(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
    if (q.executeStep() && q.getColumn(0).getInt() != 0)
      bot::log::warn("storage", "{}: the write-ahead log could not be truncated (busy)", path_);
  } catch (const std::exception& e) {
    bot::log::error("storage", "{}: the write-ahead log could not be truncated: {}", path_, e.what());
  }
}

SQLite::Statement& database::prepare(const char* sql) {
  auto& slot = statements_[sql];
  if (!slot) {
    slot = std::make_unique<SQLite::Statement>(db_, sql);
  } else {
    slot->reset();
    slot->clearBindings();
  }
  return *slot;
}

transaction::transaction(database& db) : db_(db), level_(db.depth()++) {
  try {
    if (level_ == 0)
      db_.raw().exec("BEGIN IMMEDIATE");
    else
      db_.raw().exec(fmt::format("SAVEPOINT sp{}", level_));
  } catch (...) {
    --db_.depth();
    throw;
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
