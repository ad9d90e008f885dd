#include "bot/log.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>

namespace bot::log {
namespace {

std::mutex sink_mutex;
sink current_sink;
std::atomic<level> min_level{level::info};

std::string_view level_word(level l) {
  switch (l) {
    case level::debug:
      return "debug";
    case level::info:
      return "info";
    case level::warn:
      return "warn";
    case level::error:
      return "error";
  }
  return "?";
}

std::atomic<bool> journal{false};

// syslog(3) priorities, as sd-daemon(3) prefixes them.
int priority(level l) {
  switch (l) {
    case level::debug:
      return 7;
    case level::info:
      return 6;
    case level::warn:
      return 4;
    case level::error:
      return 3;
  }
  return 6;
}

void stderr_sink(level l, std::string_view module, std::string_view text) {
  if (journal) {
    fmt::print(stderr, "<{}>[{}] {}\n", priority(l), module, text);
    return;
  }
  using namespace std::chrono;
  auto ms = duration_cast<milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  fmt::print(stderr, "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z {:5} [{}] {}\n", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms % 1000, level_word(l), module,
             text);
}

}  // namespace

void set_sink(sink s) {
  std::lock_guard lock(sink_mutex);
  current_sink = std::move(s);
}

void set_min_level(level l) {
  min_level = l;
}
void use_journal_format() {
  journal = true;
}
bool enabled(level l) {
  return static_cast<int>(l) >= static_cast<int>(min_level.load());
}

void write(level l, std::string_view module, std::string_view text) {
  std::lock_guard lock(sink_mutex);
  if (current_sink)
    current_sink(l, module, text);
  else
    stderr_sink(l, module, text);
}

}  // namespace bot::log
