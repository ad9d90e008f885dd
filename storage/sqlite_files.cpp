#include "storage/sqlite_files.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>

#include "storage/database.hpp"

namespace storage {
namespace {

std::string stamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof(text), "%Y%m%d-%H%M%S", &tm);
  return text;
}

int checked_version(SQLite::Database& db, const std::string& file) {
  if (db.execAndGet("PRAGMA application_id").getInt() != database::application_id)
    throw database_error(file + " is not an estatebot database");
  return db.execAndGet("PRAGMA user_version").getInt();
}

// Every page in one step, inside one read transaction: in WAL mode a reader does not hold up the
// service's writes, and the copy is the state of one moment. (Copying a few pages at a time starts
// again after every write of the service, and under steady traffic never ends.) A step that finds
// a lock it cannot take answers BUSY or LOCKED rather than throwing: tried again until
// `busy_timeout_ms`, then an error, never a half-copied file taken for a whole one.
void copy_pages(SQLite::Database& from, SQLite::Database& to, int busy_timeout_ms, const std::string& what) {
  SQLite::Backup pages(to, from);
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
  for (;;) {
    const int rc = pages.executeStep();
    if (rc == SQLITE_DONE) return;
    if (std::chrono::steady_clock::now() >= give_up)
      throw database_error(fmt::format("{}: the database stayed locked ({})", what, sqlite3_errstr(rc)));
    sqlite3_sleep(10);
  }
}

}  // namespace

void copy_sqlite(const std::string& from, const std::string& to, int busy_timeout_ms) {
  if (std::filesystem::exists(to)) throw database_error(to + " exists already; choose a new file");
  if (!std::filesystem::is_regular_file(from)) throw database_error(from + " does not exist");
  try {
    SQLite::Database source(from, SQLite::OPEN_READONLY, busy_timeout_ms);
    checked_version(source, from);
    SQLite::Database target(to, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    copy_pages(source, target, busy_timeout_ms, "cannot copy " + from);
  } catch (const std::exception& e) {
    std::error_code ignored;
    std::filesystem::remove(to, ignored);
    if (dynamic_cast<const database_error*>(&e)) throw;
    throw database_error(fmt::format("cannot copy {} to {}: {}", from, to, e.what()));
  }
}

int sqlite_schema_version(const std::string& file) {
  try {
    SQLite::Database db(file, SQLite::OPEN_READONLY);
    return checked_version(db, file);
  } catch (const SQLite::Exception& e) {
    throw database_error(fmt::format("cannot read {}: {}", file, e.what()));
  }
}

void give_to_folder_owner(const std::string& file) {
  if (::geteuid() != 0) return;
  const auto parent = std::filesystem::path(file).parent_path();
  struct stat mine {};
  struct stat folder {};
  if (::stat(file.c_str(), &mine) != 0 || mine.st_uid != 0) return;
  if (::stat(parent.empty() ? "." : parent.c_str(), &folder) != 0 || folder.st_uid == 0) return;
  [[maybe_unused]] const int owned = ::chown(file.c_str(), folder.st_uid, folder.st_gid);
}

restore_result restore_sqlite(const std::string& backup, const std::string& target) {
  namespace fs = std::filesystem;
  if (!fs::is_regular_file(backup)) throw database_error(backup + " is not a file");
  restore_result r;
  try {
    SQLite::Database source(backup, SQLite::OPEN_READONLY);
    r.source_version = checked_version(source, backup);
    const std::string check = source.execAndGet("PRAGMA integrity_check").getString();
    if (check != "ok") throw database_error(fmt::format("{} is damaged: {}", backup, check));
    if (r.source_version > database::latest_version())
      throw database_error(
          fmt::format("{} has schema version {}, newer than this estatebot understands ({}); "
                      "restore it with a newer estatebot",
                      backup, r.source_version, database::latest_version()));
    // The copy is made beside the target first; a failure leaves the target as it was.
    const auto parent = fs::path(target).parent_path();
    if (!parent.empty()) fs::create_directories(parent);
    const std::string fresh = target + ".restoring";
    fs::remove(fresh);
    {
      SQLite::Database to(fresh, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      copy_pages(source, to, 5000, "cannot restore " + backup);
    }
    // What is replaced is moved aside as it is, with its log (the service is stopped: nothing has
    // it open), so that a damaged database, often the reason for a restore, is kept too.
    if (fs::exists(target)) {
      r.kept = target + ".before-restore-" + stamp();
      fs::rename(target, r.kept);
      if (fs::exists(target + "-wal")) fs::rename(target + "-wal", r.kept + "-wal");
      fs::remove(target + "-shm");
    }
    fs::rename(fresh, target);
    give_to_folder_owner(target);
  } catch (const SQLite::Exception& e) {
    throw database_error(fmt::format("cannot restore {}: {}", backup, e.what()));
  } catch (const fs::filesystem_error& e) {
    throw database_error(fmt::format("cannot restore {}: {}", backup, e.what()));
  }
  database migrated(target);
  r.version = migrated.schema_version();
  return r;
}

}  // namespace storage
