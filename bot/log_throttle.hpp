// A condition that may repeat thousands of times a second (accept failing with EMFILE, a flood
// refused) is logged at most once per interval, with how often it happened since the last line,
// so the log says what is going on without filling the disk.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>

namespace bot {

class log_throttle {
 public:
  using time_point = std::chrono::steady_clock::time_point;
  explicit log_throttle(std::chrono::milliseconds interval) : interval_(interval) {}

  // Counts one occurrence. Returns how many to report when a line is due now (the first
  // occurrence at once, then at most once per interval), else nullopt.
  std::optional<std::uint64_t> occurred(time_point now);
  // Occurrences not reported yet, for a closing line when the condition ends; resets the count.
  std::uint64_t take_unreported();

 private:
  std::chrono::milliseconds interval_;
  std::optional<time_point> last_line_;
  std::uint64_t unreported_ = 0;
};

}  // namespace bot
