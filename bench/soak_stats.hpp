// What bench/soak samples once a second from /proc: the bot's resident memory (VmRSS) and its open
// descriptors, printed at start, middle and end with a least-squares slope over the run after its
// first tenth (the warm-up: the page cache of SQLite and the first connections).
#pragma once
#include <sys/types.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace soak {

struct sample {
  double at_s = 0;
  long rss_kb = 0;
  long fds = 0;
};

class samples {
 public:
  explicit samples(pid_t pid)
      : proc_("/proc/" + std::to_string(pid)), start_(std::chrono::steady_clock::now()) {}

  void take() {
    const double at_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    taken_.push_back({at_s, rss_kb(), fds()});
  }

  void print() const {
    if (taken_.empty()) return;
    const sample& a = taken_.front();
    const sample& m = taken_[taken_.size() / 2];
    const sample& z = taken_.back();
    std::printf("  RSS MB  start %.1f, middle %.1f, end %.1f; slope after warm-up %+.3f MB/min\n",
                a.rss_kb / 1024.0, m.rss_kb / 1024.0, z.rss_kb / 1024.0,
                slope([](const sample& s) { return s.rss_kb / 1024.0; }) * 60);
    std::printf("  fds     start %ld, middle %ld, end %ld; slope after warm-up %+.3f per min (%zu samples)\n",
                a.fds, m.fds, z.fds, slope([](const sample& s) { return static_cast<double>(s.fds); }) * 60,
                taken_.size());
  }

 private:
  long rss_kb() const {
    std::ifstream in(proc_ + "/status");
    std::string line;
    while (std::getline(in, line))
      if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
    return -1;
  }

  long fds() const {
    long n = 0;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(proc_ + "/fd", ec), e; !ec && it != e; it.increment(ec)) ++n;
    return n;
  }

  // Least-squares slope of `value` per second over the samples after the first tenth.
  template <typename F>
  double slope(F value) const {
    const std::size_t from = taken_.size() / 10;
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t i = from; i < taken_.size(); ++i) {
      const double x = taken_[i].at_s, y = value(taken_[i]);
      n += 1, sx += x, sy += y, sxx += x * x, sxy += x * y;
    }
    const double d = n * sxx - sx * sx;
    return n < 2 || d == 0 ? 0 : (n * sxy - sx * sy) / d;
  }

  std::string proc_;
  std::chrono::steady_clock::time_point start_;
  std::vector<sample> taken_;
};

}  // namespace soak
