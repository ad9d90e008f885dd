// The outbox pump's limits on a manual clock: per-platform (per account) buckets from the config,
// the platforms' built-in defaults, why a row waits, dead letters recorded with their alert, and
// the persisted retry time after a restart.
#include <catch2/catch.hpp>

#include "support/pump_fixture.hpp"
#include "support/scratch_db.hpp"
#include "support/temp_dir.hpp"

namespace outbox_limits_test {

using namespace testing::pump;

TEST_CASE("a platform's account bucket from the config paces a broadcast across chats", "[outbox][limits]") {
  fixture f(with_platform("[outbox.platforms.webhook]\nper_second = 2\nburst = 2\n"));
  for (int i = 0; i < 5; ++i) f.put("g" + std::to_string(i));
  auto wake = f.pump.pump();
  CHECK(f.channel.sent == std::vector<std::string>{"g0", "g1"});  // the burst
  REQUIRE(wake);
  CHECK(*wake == f.clock.now_ms() + 500);  // two a second
  f.clock.advance_ms(499);
  f.pump.pump();
  CHECK(f.channel.sent.size() == 2);
  f.clock.advance_ms(1);
  f.pump.pump();
  CHECK(f.channel.sent.size() == 3);
  f.clock.advance_ms(1000);
  f.pump.pump();
  CHECK(f.channel.sent.size() == 5);
}

TEST_CASE("per-chat limits of a platform come from its config, else from [outbox]", "[outbox][limits]") {
  SECTION("config") {
    fixture f(with_platform("[outbox.platforms.webhook]\nper_chat_per_second = 0.5\nper_chat_burst = 1\n"));
    f.put("g");
    f.put("g");
    f.pump.pump();
    auto wake = f.pump.pump();  // the chat's second message waits for the chat's bucket
    CHECK(f.channel.sent.size() == 1);
    REQUIRE(wake);
    CHECK(*wake == f.clock.now_ms() + 2000);
  }
  SECTION("[outbox] defaults when neither says") {
    fixture f(with_platform("[outbox]\nper_chat_per_second = 1.0\nper_chat_burst = 2\n"));
    for (int i = 0; i < 3; ++i) f.put("g");
    for (int i = 0; i < 3; ++i) f.pump.pump();
    CHECK(f.channel.sent.size() == 2);
  }
}

TEST_CASE("built-in platform limits follow the platforms' published limits and can be changed",
          "[outbox][config]") {
  auto defaults = bot::config::defaults().outbox.platforms;
  REQUIRE(defaults.contains("onebot"));
  CHECK(defaults["onebot"].per_second == 1.0);  // go-cqhttp's own limiter
  REQUIRE(defaults.contains("wecom"));
  // A WeCom group robot takes 20 messages a minute: burst + 60 s × rate must stay within it.
  CHECK(defaults["wecom"].per_chat_burst + 60 * defaults["wecom"].per_chat_per_second <= 20.0);
  auto changed = with_platform("[outbox.platforms.onebot]\nper_second = 0.5\n").platforms["onebot"];
  CHECK(changed.per_second == 0.5);
  CHECK(changed.per_chat_per_second == defaults["onebot"].per_chat_per_second);  // the rest stays
  CHECK_THROWS_WITH(bot::config::parse("[outbox.platforms.onebot]\nper_secnd = 1\n"),
                    Catch::Contains("outbox.platforms.onebot.per_secnd: unknown key"));
  CHECK_THROWS_WITH(bot::config::parse("[outbox.platforms.onebot]\nper_second = \"fast\"\n"),
                    Catch::Contains("outbox.platforms.onebot.per_second"));
  CHECK_THROWS_WITH(bot::config::parse("[outbox.platforms.onebot]\nper_second = -1\n"),
                    Catch::Contains("must not be negative"));
  CHECK_THROWS_WITH(bot::config::parse("[outbox.platforms.\"Bad Name\"]\nper_second = 1\n"),
                    Catch::Contains("unknown platform"));
}

TEST_CASE("limits for a platform estatebot does not serve are refused with the key's name",
          "[outbox][config]") {
  // A typo would otherwise leave QQ paced by the defaults while the operator believes otherwise.
  for (const char* name : {"qq", "onebott", "wechat"})
    CHECK_THROWS_WITH(
        bot::config::parse(std::string("[outbox.platforms.") + name + "]\nper_second = 1\n"),
        Catch::Contains(
            std::string("outbox.platforms.") + name +
            ": unknown platform (known: console, onebot, onebot12, webhook, wechat_mp, wechatbot, wecom)"));
  for (const char* name : {"console", "onebot", "onebot12", "webhook", "wechat_mp", "wechatbot", "wecom"})
    CHECK_NOTHROW(bot::config::parse(std::string("[outbox.platforms.") + name + "]\nper_second = 1\n"));
}

TEST_CASE("the pump explains why a row waits", "[outbox][limits]") {
  bot::outbox_config cfg = with_platform(
      "[outbox]\nbackoff_initial_ms = 10000\n[outbox.platforms.webhook]\nper_second = 1\nburst = 1\n");
  fixture f(cfg);
  using k = bot::wait_reason::kind;
  auto why = [&](std::int64_t id) { return f.pump.explain(*f.stores.outbox.get(id)); };

  f.channel.hold = true;
  auto a = f.put("a");
  auto a2 = f.put("a");
  auto b = f.put("b");
  auto c = f.put("c");
  f.pump.pump();
  CHECK(why(a).why == k::sending);
  CHECK(why(a2).why == k::behind_in_chat);
  auto rl = why(b);
  CHECK(rl.why == k::rate_limited);
  CHECK(rl.at == f.clock.now_ms() + 2000);      // the account's next token goes to a's second row
  CHECK(why(c).at == f.clock.now_ms() + 3000);  // and the one after that to b

  f.channel.held.front()({bot::send_result::status::retry, "", "HTTP 503", std::nullopt});
  auto backoff = why(a);
  CHECK(backoff.why == k::backoff);
  CHECK(backoff.at == f.stores.outbox.get(a)->next_attempt_at);

  f.channel.connected = false;
  CHECK(why(b).why == k::not_connected);
  f.stores.database.exec("UPDATE outbox SET state = 'held' WHERE id = " + std::to_string(c));
  CHECK(why(c).why == k::held);

  auto lost = f.stores.outbox.enqueue(chat("z", "nowhere"), bot::outgoing::plain("x"),
                                      storage::priority::notice, "", f.clock.now_ms());
  CHECK(why(lost).why == k::no_adapter);
}

TEST_CASE("a dead letter and what its alert writes commit together or not at all", "[outbox][dead]") {
  bot::outbox_config cfg;
  fixture f(cfg);
  f.channel.outcome = bot::send_result::status::failed;
  bool fail_alert = true;
  f.pump.on_dead = [&](const storage::outbox_row& row, const std::string&) {
    f.stores.jobs.schedule("alert", std::to_string(row.id), f.clock.now_ms(), "{}", f.clock.now_ms());
    if (fail_alert) throw std::runtime_error("disk full");
  };
  auto id = f.put("g");
  f.pump.pump();
  // The alert could not be written: the row is not dead either, and goes out again.
  CHECK(f.stores.outbox.get(id)->state == "pending");
  CHECK(f.stores.jobs.pending("alert", std::to_string(id)).empty());
  fail_alert = false;
  f.pump.pump();
  CHECK(f.stores.outbox.get(id)->state == "dead");
  CHECK(f.stores.jobs.pending("alert", std::to_string(id)).size() == 1);
}

TEST_CASE("after a restart a row in backoff waits for its persisted retry time", "[outbox][restart]") {
  testing::temp_dir dir;
  const auto path = dir.file("bot.sqlite3");
  bot::outbox_config cfg = with_platform("[outbox]\nbackoff_initial_ms = 10000\n");
  std::int64_t retry_at = 0, id = 0;
  {
    fixture f(cfg, path);
    f.channel.outcome = bot::send_result::status::retry;
    id = f.put("g");
    f.pump.pump();
    retry_at = f.stores.outbox.get(id)->next_attempt_at;
    CHECK(retry_at > f.clock.now_ms());
  }
  fixture restarted(cfg, path);
  auto wake = restarted.pump.pump();
  CHECK(restarted.channel.sent.empty());
  REQUIRE(wake);
  CHECK(*wake == retry_at);
  restarted.clock.set(retry_at);
  restarted.pump.pump();
  CHECK(restarted.channel.sent == std::vector<std::string>{"g"});
  CHECK(restarted.stores.outbox.get(id)->attempts == 2);
}

}  // namespace outbox_limits_test
