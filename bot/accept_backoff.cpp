#include "bot/accept_backoff.hpp"

#include <algorithm>

namespace bot {

std::chrono::milliseconds accept_backoff::failed() {
  auto wait = next_;
  next_ = std::min(next_ * 2, ceiling);
  return wait;
}

}  // namespace bot
