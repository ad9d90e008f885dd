// Checkpoints the write-ahead log from a thread of its own, on a connection of its own, once a
// second. SQLite's automatic checkpoint runs inside the commit that fills the log, so one command
// in a few hundred waited for the database file's fsync (the p99 of bench/vote_bench); a PASSIVE
// checkpoint here never blocks the event loop's connection, which keeps a large automatic
// threshold only as a backstop should this thread fall behind. A checkpoint of the main connection
// (the scrub after a secret is deleted) takes `exclusive()` first, so the two never meet in
// SQLite's checkpoint lock, where the loser would get SQLITE_BUSY without waiting.
#pragma once
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace storage {

class checkpointer {
 public:
  // A log file longer than this is cut to nothing once a whole interval passed without a commit.
  static constexpr std::uintmax_t truncate_above = 16u << 20;

  // `path`: the database file as SQLite resolved it (sqlite3_db_filename).
  checkpointer(std::string path, std::chrono::milliseconds every);
  ~checkpointer();  // stops the thread and waits for it
  checkpointer(const checkpointer&) = delete;
  checkpointer& operator=(const checkpointer&) = delete;

  std::mutex& exclusive() { return checkpointing_; }

 private:
  std::mutex checkpointing_;
  std::jthread thread_;  // last: started once the mutex exists, stopped before it goes
};

}  // namespace storage
