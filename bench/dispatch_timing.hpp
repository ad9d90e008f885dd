// What the in-process benchmarks share: a console message as the dispatcher takes it, and latency
// figures (ops/s, p50, p99, max) printed one line per operation.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "bot/message.hpp"

namespace bench {

using steady = std::chrono::steady_clock;

inline double ms_since(steady::time_point t) {
  return std::chrono::duration<double, std::milli>(steady::now() - t).count();
}

struct timing {
  std::vector<double> ms;
  void report(const char* what) {
    if (ms.empty()) return;
    std::sort(ms.begin(), ms.end());
    double total = 0;
    for (double m : ms) total += m;
    std::printf("%-34s %7zu ops  %9.0f ops/s  p50 %.3f ms  p99 %.3f ms  max %.3f ms\n", what, ms.size(),
                ms.size() / (total / 1000), ms[ms.size() / 2], ms[ms.size() * 99 / 100], ms.back());
  }
};

// From `who` on the console platform, in `group` (empty: their private chat); ids never repeat.
inline bot::message say(const std::string& who, const std::string& group, const std::string& text,
                        std::int64_t now) {
  static int counter = 0;
  bot::message m;
  m.id = "b" + std::to_string(++counter);
  m.chat = group.empty() ? bot::chat_ref{"console", "", bot::chat_kind::direct, who}
                         : bot::chat_ref{"console", "", bot::chat_kind::group, group};
  m.chat_title = group;
  m.sender = {"console", who, who};
  m.text = text;
  m.unix_ms = now;
  return m;
}

}  // namespace bench
