// A token bucket on the injected clock: `rate` tokens per second, at most `burst` saved up.
#pragma once
#include <cstdint>

namespace bot {

class token_bucket {
 public:
  token_bucket(double per_second, int burst, std::int64_t now_ms)
      : rate_(per_second), burst_(burst), tokens_(burst), last_ms_(now_ms) {}
  bool try_take(std::int64_t now_ms);
  std::int64_t ready_at(std::int64_t now_ms);  // when the next token is there (now if already)
  bool full(std::int64_t now_ms);

 private:
  void refill(std::int64_t now_ms);
  double rate_;
  double burst_;
  double tokens_;
  std::int64_t last_ms_;
};

}  // namespace bot
