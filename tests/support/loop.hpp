// Runs an io_context until a condition holds, with a deadline so a broken test fails instead of
// hanging. No sleeping: the loop runs handlers as they become ready.
#pragma once
#include <utility>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>

namespace testing {

inline bool run_until(boost::asio::io_context& io, const std::function<bool()>& done,
                      std::chrono::milliseconds deadline = std::chrono::seconds(10)) {
  auto end = std::chrono::steady_clock::now() + deadline;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= end) return false;
    if (io.stopped()) io.restart();
    io.run_one_for(std::chrono::milliseconds(20));
  }
  return true;
}

}  // namespace testing
