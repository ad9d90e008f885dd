// Whole-file work on an SQLite database without opening it as the service does (no migration):
// `estatebot backup` (an online, consistent copy), the schema version of a file, and `estatebot
// restore` (a backup put in the database's place while the service is stopped).
#pragma once
#include <string>

namespace storage {

// Copies `from` into the new file `to` with SQLite's online backup while the service keeps
// writing; the copy is one consistent state. Throws database_error.
void copy_sqlite(const std::string& from, const std::string& to, int busy_timeout_ms);

// PRAGMA user_version of an existing estatebot file; throws database_error for another file.
int sqlite_schema_version(const std::string& file);

// A file that root made in the service's folder (a restore or a lock file, by hand) becomes the
// folder owner's, as SQLite does with -wal and -shm; the service could not open it otherwise.
void give_to_folder_owner(const std::string& file);

struct restore_result {
  std::string kept;        // where the replaced database now is; empty when there was none
  int source_version = 0;  // the backup's schema version
  int version = 0;         // after migrating to this build's schema
};

// Checks that `backup` is an intact estatebot database no newer than this build, moves the
// current `target` (with its -wal) aside to TARGET.before-restore-YYYYMMDD-HHMMSS, copies the
// backup into a new `target` and migrates it. The caller holds the service's lock
// (storage/file_lock). Throws database_error.
restore_result restore_sqlite(const std::string& backup, const std::string& target);

}  // namespace storage
