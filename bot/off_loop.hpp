// Long reads off the event loop. A report over a year of tickets takes tens of milliseconds, and
// while the single-threaded loop runs it every group waits; so commands hand such reads to an
// off_loop, which runs them on a connection of its own on another thread and then calls back on
// the loop. bot::context::later is how commands use it; without one (tests, ":memory:"
// databases) the read runs in place.
#pragma once
#include <cstdint>
#include <functional>

namespace bot {

struct services;

class off_loop {
 public:
  virtual ~off_loop() = default;
  // Runs `read` with services whose stores are the other connection and whose clock stands at
  // `now`; then `done(ok)` on the loop (ok: `read` did not throw); `done` opens its own transaction
  // if it writes.
  // What `read` writes goes to caches only (the per-day sums of statistics).
  virtual void run(std::int64_t now, std::function<void(services&)> read,
                   std::function<void(bool ok)> done) = 0;
};

}  // namespace bot
