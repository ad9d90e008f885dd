// Injected wall clock. Every timer in estatebot (SLA, schedules, backoff) reads it, so tests move
// time by hand and never sleep.
#pragma once
#include <atomic>
#include <cstdint>

namespace bot {

// Every time in estatebot is unix milliseconds; these name the spans the code counts in.
constexpr std::int64_t minute_ms = 60'000;
constexpr std::int64_t hour_ms = 60 * minute_ms;
constexpr std::int64_t day_ms = 24 * hour_ms;

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
  void advance_minutes(std::int64_t m) { advance_ms(m * minute_ms); }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace bot
