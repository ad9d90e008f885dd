// A platform that is away (its client down, connections refused) is not a bad message: on a manual
// clock, rows wait without using attempts, one row at a time asks whether the platform is back,
// everything goes out once it is, managers hear of a long outage once and of its end once, and a
// row is given up only at its own deadline.
#include <algorithm>
#include <catch2/catch.hpp>

#include "support/pump_fixture.hpp"

namespace outbox_outage_test {

using namespace testing::pump;
using status = bot::send_result::status;

namespace {

bot::outbox_config outage_config() {
  return with_platform(
      "[outbox]\nmax_attempts = 3\ngive_up_after_ms = 3600000\noutage_alert_after_ms = 600000\n");
}

}  // namespace

TEST_CASE("rows committed before and during a 5-minute outage all arrive after it, using no attempts",
          "[outbox][outage]") {
  fixture f(outage_config());
  f.channel.unreachable_accounts = {"acct"};
  std::vector<std::int64_t> ids{f.put("g0"), f.put("g1"), f.put("g2")};
  f.pump.pump();
  CHECK(f.channel.sent == std::vector<std::string>{"g0"});  // the others wait behind the first failure
  for (int second = 1; second <= 300; ++second) {
    f.clock.advance_ms(1000);
    if (second == 120) ids.push_back(f.put("g3"));  // a reply committed in the middle of it
    f.pump.pump();
  }
  // One row at a time asks whether the platform is back, less and less often: no hammering.
  CHECK(f.channel.sent.size() >= 5);
  CHECK(f.channel.sent.size() <= 20);
  for (auto id : ids) {
    auto row = f.stores.outbox.get(id);
    CHECK(row->state == "pending");
    CHECK(row->attempts == 0);
  }
  CHECK(f.stores.outbox.get(ids[0])->last_error.find("refused") != std::string::npos);

  f.channel.unreachable_accounts.clear();
  f.channel.sent.clear();
  f.clock.advance_ms(30'000);
  f.pump.pump();
  std::sort(f.channel.sent.begin(), f.channel.sent.end());  // each chat in order; chats in any order
  CHECK(f.channel.sent == std::vector<std::string>{"g0", "g1", "g2", "g3"});
  for (auto id : ids) {
    auto row = f.stores.outbox.get(id);
    CHECK(row->state == "sent");
    CHECK(row->attempts == 1);
  }
  CHECK(f.pump.outages().empty());
}

TEST_CASE("an unreachable account does not hold back the other accounts", "[outbox][outage]") {
  fixture f(outage_config());
  f.channel.unreachable_accounts = {"down"};
  auto stuck = f.put_on("down", "g0");
  auto fine = f.put_on("up", "g1");
  f.pump.pump();
  CHECK(f.stores.outbox.get(stuck)->state == "pending");
  CHECK(f.stores.outbox.get(fine)->state == "sent");
  auto outages = f.pump.outages();
  REQUIRE(outages.size() == 1);
  CHECK(outages[0].account == "down");
  CHECK(f.pump.explain(*f.stores.outbox.get(stuck)).why == bot::wait_reason::kind::unreachable);
}

TEST_CASE("managers hear of an outage once when it has lasted a while, and once when it ends",
          "[outbox][outage]") {
  fixture f(outage_config());
  std::vector<bot::outage> told;
  f.pump.on_outage = [&](const bot::outage& o) { told.push_back(o); };
  f.channel.unreachable_accounts = {"acct"};
  const std::int64_t start = f.clock.now_ms();
  f.put("g0");
  f.put("g1");
  auto wake = f.pump.pump();
  REQUIRE(wake);
  CHECK(*wake <= start + 600'000);  // the pump wakes up for the alert by itself
  f.clock.set(start + 599'999);
  f.pump.pump();
  CHECK(told.empty());
  f.clock.set(start + 600'000);
  f.pump.pump();
  REQUIRE(told.size() == 1);
  CHECK(told[0].account == "acct");
  CHECK(told[0].since == start);
  CHECK_FALSE(told[0].until);
  CHECK(told[0].waiting == 2);
  CHECK(told[0].error.find("refused") != std::string::npos);
  f.clock.advance_ms(600'000);
  f.pump.pump();
  CHECK(told.size() == 1);  // not again while it lasts

  f.channel.unreachable_accounts.clear();
  f.clock.advance_ms(30'000);
  f.pump.pump();
  REQUIRE(told.size() == 2);
  REQUIRE(told[1].until);
  CHECK(*told[1].until - told[1].since >= 1'200'000);
}

TEST_CASE("a short outage is not reported at all", "[outbox][outage]") {
  fixture f(outage_config());
  int told = 0;
  f.pump.on_outage = [&](const bot::outage&) { ++told; };
  f.channel.unreachable_accounts = {"acct"};
  auto id = f.put("g0");
  f.pump.pump();
  f.clock.advance_ms(60'000);
  f.channel.unreachable_accounts.clear();
  f.pump.pump();
  CHECK(f.stores.outbox.get(id)->state == "sent");
  CHECK(told == 0);
}

TEST_CASE("a row waiting for its platform is given up at its own deadline, not the account's",
          "[outbox][outage][dead]") {
  fixture f(outage_config());
  std::vector<std::string> dead;
  f.pump.on_dead = [&](const storage::outbox_row& row, const std::string& error) {
    dead.push_back(row.target.id + ": " + error);
  };

  SECTION("not connected") {
    f.channel.connected = false;
  }
  SECTION("connections refused") {
    f.channel.unreachable_accounts = {"acct"};
  }

  auto old = f.put("g0");
  f.pump.pump();
  f.clock.advance_ms(1'800'000);
  auto young = f.put("g1");
  f.clock.advance_ms(1'799'999);
  f.pump.pump();
  CHECK(f.stores.outbox.get(old)->state == "pending");
  f.clock.advance_ms(1);
  f.pump.pump();
  CHECK(f.stores.outbox.get(old)->state == "dead");
  REQUIRE(dead.size() == 1);
  CHECK(dead[0].find("unreachable for 60 min") != std::string::npos);
  CHECK(f.stores.outbox.get(young)->state == "pending");  // half its time is left

  f.channel.connected = true;
  f.channel.unreachable_accounts.clear();
  f.clock.advance_ms(30'000);
  f.pump.pump();
  CHECK(f.stores.outbox.get(young)->state == "sent");
  CHECK(dead.size() == 1);
}

TEST_CASE("a platform that answers, even with a refusal, is not an outage: attempts count as before",
          "[outbox][outage]") {
  fixture f(outage_config());
  f.channel.outcome = status::retry;
  auto id = f.put("g0");
  for (int i = 0; i < 3; ++i) {
    f.pump.pump();
    f.clock.advance_ms(700'000);
  }
  CHECK(f.stores.outbox.get(id)->state == "dead");
  CHECK(f.stores.outbox.get(id)->attempts == 3);
  CHECK(f.pump.outages().empty());
}

}  // namespace outbox_outage_test
