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
  check_stamp();
  migrate();
}

database::~database() { statements_.clear(); }

int database::latest_version() { return static_cast<int>(migrations().size()); }

int database::schema_version() { return db_.execAndGet("PRAGMA user_version").getInt(); }

std::string database::journal_mode() { return db_.execAndGet("PRAGMA journal_mode").getString(); }

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
}

void transaction::rollback() {
  if (!open_) return;
  open_ = false;
  --db_.depth();
  if (level_ == 0) {
    db_.raw().exec("ROLLBACK");
  } else {
    db_.raw().exec(fmt::format("ROLLBACK TO sp{}", level_));
    db_.raw().exec(fmt::format("RELEASE sp{}", level_));
  }
}

}  // namespace storage
