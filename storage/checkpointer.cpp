#include "storage/checkpointer.hpp"

#include <SQLiteCpp/Database.h>

#include <condition_variable>
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
