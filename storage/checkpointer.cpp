#include "storage/checkpointer.hpp"

#include <SQLiteCpp/Database.h>

#include <condition_variable>
#include <mutex>

#include "bot/log.hpp"

namespace storage {

checkpointer::checkpointer(std::string path, std::chrono::milliseconds every)
    : thread_([path = std::move(path), every](std::stop_token stop) {
        std::mutex m;
        std::condition_variable_any wake;
        try {
          SQLite::Database db(path, SQLite::OPEN_READWRITE);
          std::unique_lock lock(m);
          for (;;) {
            wake.wait_for(lock, stop, every, [] { return false; });  // woken early only by a stop
            if (stop.stop_requested()) break;
            // PASSIVE copies what no reader still needs and waits for nobody; the log starts over
            // at the next commit once all of it is in the database file.
            db.exec("PRAGMA wal_checkpoint(PASSIVE)");
          }
        } catch (const std::exception& e) {
          bot::log::warn("storage", "{}: background checkpoints stopped: {}", path, e.what());
        }
      }) {}

checkpointer::~checkpointer() {
  thread_.request_stop();
}

}  // namespace storage
