#include "storage/checkpointer.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <optional>

#include "bot/log.hpp"

namespace storage {

checkpointer::checkpointer(std::string path, std::chrono::milliseconds every)
    : thread_([this, path = std::move(path), every](std::stop_token stop) {
        std::mutex m;
        std::condition_variable_any wake;
        std::unique_ptr<SQLite::Database> db;
        int failures = 0;
        std::int64_t last_version = -1;  // PRAGMA data_version at the last look: commits since?
        std::unique_lock lock(m);
        for (;;) {
          wake.wait_for(lock, stop, every, [] { return false; });  // woken early only by a stop
          if (stop.stop_requested()) break;
          try {
            if (!db) db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE, 1'000);
            std::lock_guard exclusive(checkpointing_);
            // PASSIVE copies what no reader still needs and waits for nobody; the log starts over
            // at the next commit once all of it is in the database file.
            db->exec("PRAGMA wal_checkpoint(PASSIVE)");
            // A burst leaves a long log file behind, stale frames and all: cut it to nothing, here
            // rather than in a commit, once nobody committed for a whole interval (truncating
            // holds off writers for as long as the file system takes), and only when no writer is
            // busy (else next time).
            const std::int64_t version = db->execAndGet("PRAGMA data_version").getInt64();
            const bool quiet = version == last_version;
            last_version = version;
            std::error_code ec;
            if (quiet && std::filesystem::file_size(path + "-wal", ec) > truncate_above && !ec) {
              sqlite3_busy_timeout(db->getHandle(), 0);
              try {
                db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
              } catch (const SQLite::Exception&) {  // a busy checkpoint answers a row; this is for errors
              }
              sqlite3_busy_timeout(db->getHandle(), 1'000);
            }
            failures = 0;
          } catch (const std::exception& e) {
            db.reset();  // opened again next time
            // Said once, and again only if it keeps failing for a long while.
            if (failures++ % 3600 == 0)
              bot::log::warn("storage", "{}: a background checkpoint failed: {}", path, e.what());
          }
        }
      }) {}

checkpointer::~checkpointer() {
  thread_.request_stop();
}

}  // namespace storage
