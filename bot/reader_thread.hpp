// The off_loop of the service (bot/off_loop.hpp): one thread with its own SQLite connection to the
// database file, opened when first needed. Reads queue and run one after another; a read sees what
// was committed before it started (WAL). Reads still queued when the service stops are dropped:
// their callers get no reply, as for a command sent while the service was down.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "bot/off_loop.hpp"

namespace bot {

struct services;

class reader_thread final : public off_loop {
 public:
  // `loop`: the loop's services (texts, config, registry are shared; they do not change);
  // `to_loop`: runs a function on the event loop.
  reader_thread(std::string path, const services& loop, std::function<void(std::function<void()>)> to_loop);
  ~reader_thread() override;  // drops what is queued and waits for the read in progress
  reader_thread(const reader_thread&) = delete;
  reader_thread& operator=(const reader_thread&) = delete;

  void run(std::int64_t now, std::function<void(services&)> read, std::function<void(bool ok)> done) override;

 private:
  struct job {
    std::int64_t now;
    std::function<void(services&)> read;
    std::function<void(bool)> done;
  };
  void serve(std::stop_token stop);

  std::string path_;
  const services& loop_;
  std::function<void(std::function<void()>)> to_loop_;
  std::mutex m_;
  std::condition_variable_any wake_;
  std::deque<job> queue_;
  std::jthread thread_;  // last: started once the rest exists
};

}  // namespace bot
