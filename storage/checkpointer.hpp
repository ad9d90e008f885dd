// Checkpoints the write-ahead log from a thread of its own, on a connection of its own, once a
// second. SQLite's automatic checkpoint runs inside the commit that fills the log, so one command
// in a few hundred waited for the database file's fsync (the p99 of bench/vote_bench); a PASSIVE
// checkpoint here never blocks the event loop's connection, which keeps a large automatic
// threshold only as a backstop should this thread fall behind.
#pragma once
#include <chrono>
#include <string>
#include <thread>

namespace storage {

class checkpointer {
 public:
  checkpointer(std::string path, std::chrono::milliseconds every);
  ~checkpointer();  // stops the thread and waits for it
  checkpointer(const checkpointer&) = delete;
  checkpointer& operator=(const checkpointer&) = delete;

 private:
  std::jthread thread_;
};

}  // namespace storage
