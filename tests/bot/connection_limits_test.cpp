// The server's bookkeeping against floods, without sockets: which connection makes room when the
// table is full, how long accept waits after failing, how often a repeated condition is logged,
// and how many body bytes may wait for authentication.
#include <catch2/catch.hpp>

#include "bot/accept_backoff.hpp"
#include "bot/body_budget.hpp"
#include "bot/connection_table.hpp"
#include "bot/log_throttle.hpp"

TEST_CASE("connection table: when full, the connection idle the longest makes room", "[http][limits]") {
  bot::connection_table t(3);
  auto a = t.opened(), b = t.opened(), c = t.opened();
  CHECK(t.open() == 3);
  CHECK_FALSE(t.admit().admitted);  // all three busy: the newcomer is refused
  t.set_idle(b, true);
  t.set_idle(a, true);
  auto first = t.admit();
  CHECK(first.admitted);
  CHECK(first.evict == b);  // b became idle before a
  CHECK(t.open() == 2);
  t.opened();
  auto second = t.admit();
  CHECK(second.evict == a);
  t.opened();
  t.set_idle(c, true);
  t.set_idle(c, false);  // a request started: no longer idle
  CHECK_FALSE(t.admit().admitted);
  t.closed(b);  // the evicted session ends: already uncounted
  CHECK(t.open() == 3);
  t.closed(c);
  CHECK(t.open() == 2);
  CHECK(t.admit().admitted);
}

TEST_CASE("accept backoff: 10 ms doubling to 1 s, forgotten after a success", "[http][limits]") {
  bot::accept_backoff b;
  using ms = std::chrono::milliseconds;
  CHECK(b.failed() == ms(10));
  CHECK(b.failed() == ms(20));
  CHECK(b.failed() == ms(40));
  for (int i = 0; i < 20; ++i) b.failed();
  CHECK(b.failed() == ms(1000));
  b.succeeded();
  CHECK(b.failed() == ms(10));
}

TEST_CASE("log throttle: the first occurrence at once, then one line per interval with a count",
          "[http][limits]") {
  bot::log_throttle t(std::chrono::seconds(10));
  auto t0 = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
  CHECK(t.occurred(t0) == 1u);
  for (int i = 1; i < 1000; ++i) CHECK_FALSE(t.occurred(t0 + std::chrono::milliseconds(i)));
  CHECK(t.occurred(t0 + std::chrono::seconds(10)) == 1000u);
  CHECK(t.occurred(t0 + std::chrono::seconds(11)) == std::nullopt);
  CHECK(t.take_unreported() == 1u);
  CHECK(t.take_unreported() == 0u);
}

TEST_CASE("body budget: reservations never exceed the bound", "[http][limits]") {
  bot::body_budget b(100);
  CHECK(b.reserve(60));
  CHECK_FALSE(b.reserve(41));
  CHECK(b.reserve(40));
  CHECK(b.used() == 100);
  b.release(60);
  CHECK(b.reserve(60));
  CHECK_FALSE(b.reserve(1));
}
