// estatebot as a running service: the core plus the HTTP server, the adapters, the outbound HTTP
// client, the timers that drive the outbox and the scheduler, and standard input for the console.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "bot/config.hpp"

namespace boost::asio {
class io_context;
}

namespace bot {

class clock;
class core;

class app {
 public:
  // `print` is where the console adapter writes (stdout in the real program).
  app(const config& cfg, boost::asio::io_context& io, const clock& clk,
      std::function<void(const std::string&)> print = {});
  ~app();
  app(const app&) = delete;
  app& operator=(const app&) = delete;

  std::uint16_t start(bool read_stdin = true);  // returns the HTTP port
  // Stops accepting, lets in-flight sends finish (a few seconds at most), then stops the loop.
  void stop();
  core& state();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace bot
