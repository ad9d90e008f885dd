#include "bot/token_bucket.hpp"

#include <algorithm>
#include <cmath>

namespace bot {

void token_bucket::refill(std::int64_t now_ms) {
  if (now_ms > last_ms_) {
    tokens_ = std::min(burst_, tokens_ + rate_ * static_cast<double>(now_ms - last_ms_) / 1000.0);
    last_ms_ = now_ms;
  }
}

bool token_bucket::try_take(std::int64_t now_ms) {
  refill(now_ms);
  if (tokens_ < 1.0) return false;
  tokens_ -= 1.0;
  return true;
}

std::int64_t token_bucket::ready_at(std::int64_t now_ms) {
  refill(now_ms);
  if (tokens_ >= 1.0) return now_ms;
  return now_ms + static_cast<std::int64_t>(std::ceil((1.0 - tokens_) * 1000.0 / rate_));
}

bool token_bucket::full(std::int64_t now_ms) {
  refill(now_ms);
  return tokens_ >= burst_;
}

}  // namespace bot
