// Runs a piece of work on the event loop when poked, and again when the time it asks for comes
// (or after `idle_ms` at the latest). Drives the outbox pump and the scheduler.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace boost::asio {
class io_context;
}

namespace bot {

class clock;

class wakeup_timer {
 public:
  using work = std::function<std::optional<std::int64_t>()>;  // returns the next unix ms to run at
  wakeup_timer(boost::asio::io_context& io, const clock& clk, work w, std::int64_t idle_ms = 60'000);
  ~wakeup_timer();
  void poke();  // run soon (coalesces many pokes into one run)
  void stop();

 private:
  struct impl;
  std::shared_ptr<impl> impl_;
};

}  // namespace bot
