// Injected wall clock. Every timer in estatebot (SLA, schedules, backoff) reads it, so tests move
// time by hand and never sleep.
#pragma once
#include <atomic>
#include <cstdint>

namespace bot {

class clock {
 public:
  virtual ~clock() = default;
  virtual std::int64_t now_ms() const = 0;  // unix milliseconds
};

class system_clock final : public clock {
 public:
  std::int64_t now_ms() const override;
};

class manual_clock final : public clock {
 public:
  explicit manual_clock(std::int64_t start_ms = 1'764'547'200'000) : now_(start_ms) {}  // 2025-12-01 UTC
  std::int64_t now_ms() const override { return now_.load(); }
  void set(std::int64_t ms) { now_ = ms; }
  void advance_ms(std::int64_t ms) { now_ += ms; }
  void advance_minutes(std::int64_t m) { advance_ms(m * 60'000); }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace bot
