#include "storage/sqlite_files.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

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

}  // namespace

void copy_sqlite(const std::string& from, const std::string& to, int busy_timeout_ms) {
  if (std::filesystem::exists(to)) throw database_error(to + " exists already; choose a new file");
  if (!std::filesystem::is_regular_file(from)) throw database_error(from + " does not exist");
  try {
    SQLite::Database source(from, SQLite::OPEN_READONLY, busy_timeout_ms);
    checked_version(source, from);
    SQLite::Database target(to, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    // Every page in one step, inside one read transaction: in WAL mode a reader does not hold up
    // the service's writes, and the copy is the state of one moment. Copying a few pages at a time
    // would start again after every write of the service, and under steady traffic never end.
    SQLite::Backup copy(target, source);
    copy.executeStep();
  } catch (const SQLite::Exception& e) {
    std::error_code ignored;
    std::filesystem::remove(to, ignored);
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

restore_result restore_sqlite(const std::string& backup, const std::string& target) {
  if (!std::filesystem::is_regular_file(backup)) throw database_error(backup + " is not a file");
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
    if (std::filesystem::exists(target) && std::filesystem::file_size(target) > 0) {
      r.kept = target + ".before-restore-" + stamp();
      copy_sqlite(target, r.kept, 5000);
    }
    const auto parent = std::filesystem::path(target).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    SQLite::Database to(target, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    SQLite::Backup pages(to, source);
    pages.executeStep();  // every page in one step: the target changes in one transaction
  } catch (const SQLite::Exception& e) {
    throw database_error(fmt::format("cannot restore {}: {}", backup, e.what()));
  }
  database migrated(target);
  r.version = migrated.schema_version();
  return r;
}

}  // namespace storage
