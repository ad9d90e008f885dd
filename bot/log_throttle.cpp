#include "bot/log_throttle.hpp"

namespace bot {

std::optional<std::uint64_t> log_throttle::occurred(time_point now) {
  ++unreported_;
  if (last_line_ && now - *last_line_ < interval_) return std::nullopt;
  last_line_ = now;
  return take_unreported();
}

std::uint64_t log_throttle::take_unreported() {
  std::uint64_t n = unreported_;
  unreported_ = 0;
  return n;
}

}  // namespace bot
