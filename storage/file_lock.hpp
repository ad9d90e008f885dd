// The lock a running service holds on its SQLite file (an flock on FILE.lock beside it), so that
// `estatebot restore` never replaces a database under a running bot, and a bot does not start in
// the middle of a restore. Other tools (backup, import-roster, the sqlite3 shell) do not take it:
// they are safe beside the service.
#pragma once
#include <string>

namespace storage {

class file_lock {
 public:
  // Takes the lock for `holder` ("the service", "a restore"), or throws database_error naming the
  // process that holds it.
  file_lock(const std::string& database_file, const std::string& holder);
  ~file_lock();
  file_lock(const file_lock&) = delete;
  file_lock& operator=(const file_lock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace storage
