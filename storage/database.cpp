#include "storage/database.hpp"

#include <fmt/format.h>

#include <atomic>

#include "bot/log.hpp"

#include "storage/migrations.hpp"
#include "storage/pg_engine.hpp"
#include "storage/sqlite_engine.hpp"
#include "storage/statement.hpp"

namespace storage {
namespace {

bool is_postgres_url(const std::string& path) {
  return path.rfind("postgresql://", 0) == 0 || path.rfind("postgres://", 0) == 0 ||
         path.find("dbname=") != std::string::npos;
}

}  // namespace

database::database(const std::string& path, int busy_timeout_ms, durability d, connection_role role)
    : path_(path) {
  static std::atomic<std::uint64_t> opened{0};
  serial_ = ++opened;
  if (is_postgres_url(path)) {
    engine_ = std::make_unique<pg_engine>(path, busy_timeout_ms, d, role);
  } else {
    auto s = std::make_unique<sqlite_engine>(path, busy_timeout_ms, d, role);
    sqlite_ = s.get();
    engine_ = std::move(s);
  }
  if (role == connection_role::helper) return;
  engine_->check_stamp();
  engine_->migrate();
}

database::~database() = default;

int database::latest_version() {
  return static_cast<int>(migrations().size());
}

int database::schema_version() {
  return engine_->schema_version();
}

std::string database::journal_mode() {
  return engine_->journal_mode();
}

std::string database::describe() const {
  return engine_->describe();
}

const std::string& database::file() const {
  static const std::string none;
  return sqlite_ ? sqlite_->file() : none;
}

SQLite::Database& database::raw() {
  if (!sqlite_) throw database_error("this is a PostgreSQL database, not SQLite");
  return sqlite_->raw();
}

void database::notify(const char* channel) {
  engine_->notify_at_commit(channel);
}

void database::exec(const std::string& script) {
  engine_->exec(script);
}

bool database::lost_race(const std::exception& e) const {
  return engine_->lost_race(e);
}

void database::probe_write() {
  transaction tx(*this);
  engine_->probe_write();
  tx.commit();
}

void database::scrub_wal() {
  if (!sqlite_) return;  // PostgreSQL: dead tuples go at the next VACUUM (autovacuum)
  if (depth_ > 0) {
    scrub_pending_ = true;
    return;
  }
  sqlite_->checkpoint_truncate();
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
    if (sqlite_) sqlite_->checkpoint_truncate();
  }
  if (!committed) return;
  for (auto& [key, f] : callbacks) f();
}

void database::end_reads() {
  engine_->end_reads();
}

statement database::prepare(const char* sql) {
  return statement(engine_->prepare(sql));
}

statement database::query(const std::string& sql) {
  return statement(engine_->prepare_once(sql));
}

std::int64_t database::last_insert_id() {
  return engine_->last_insert_id();
}

std::uint64_t database::changes() {
  return engine_->changes();
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
    if (level_ != 0)
      db_.engine().savepoint(level_);
    else
      db_.engine().begin(mode);
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
    db_.engine().commit();
  else
    db_.engine().release(level_);
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
    db_.engine().rollback();
    db_.outermost_ended(false);  // rolled-back pages may have reached the log as well
  } else {
    db_.engine().rollback_to(level_);
  }
}

}  // namespace storage
