// The per-account health every channel feeds for /healthz: heartbeats (dead after three missed
// intervals, the interval clamped), what the platform says of the account, whether there is a way
// to send, and the pause that doubles after each "slow down" answer until a send succeeds. How
// OneBot's events feed it: tests/adapters/onebot_client_status_test.cpp.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bot/account_board.hpp"

using bot::account_board;

namespace {

bool no_http(const std::string&) {
  return false;
}

}  // namespace

TEST_CASE("account board: alive while heartbeats come, no_heartbeat after three missed", "[health]") {
  account_board board;
  const std::int64_t t0 = 1'764'548'400'000;
  board.set_links("wechat:wxid_a", {"Universal"}, true);
  board.heartbeat("wechat:wxid_a", 5'000, t0);
  CHECK(board.state_of("wechat:wxid_a", t0 + 15'000, false) == "ok");
  CHECK(board.state_of("wechat:wxid_a", t0 + 15'001, false) == "no_heartbeat");
  board.heartbeat("wechat:wxid_a", 5'000, t0 + 20'000);
  CHECK(board.state_of("wechat:wxid_a", t0 + 20'001, false) == "ok");
  board.heartbeat("wechat:wxid_a", 0, t0 + 20'000);  // none announced: silence is no sign
  CHECK(board.state_of("wechat:wxid_a", t0 + 10'000'000, false) == "ok");
}

TEST_CASE("account board: a heartbeat interval is clamped, so huge or negative ones cannot mislead",
          "[health][hardening]") {
  account_board board;
  board.set_links("10001", {"Universal"}, true);
  const std::int64_t t0 = 1'764'548'400'000;
  board.heartbeat("10001", std::int64_t{1} << 62, t0);
  const std::int64_t silence =
      account_board::missed_heartbeats_allowed * account_board::longest_heartbeat_interval_ms;
  CHECK(board.state_of("10001", t0 + silence, false) == "ok");
  CHECK(board.state_of("10001", t0 + silence + 1, false) == "no_heartbeat");
  CHECK(board.to_json(t0, no_http)["10001"]["heartbeat_interval_ms"] ==
        account_board::longest_heartbeat_interval_ms);
  board.heartbeat("10001", -30'000, t0);
  CHECK(board.state_of("10001", t0 + silence + 1, false) == "ok");
  CHECK(board.to_json(t0, no_http)["10001"]["heartbeat_interval_ms"] == nullptr);
}

TEST_CASE("account board: offline when the platform or the client says so", "[health]") {
  account_board board;
  board.set_links("10001", {"Universal"}, true);
  board.set_online("10001", false);
  CHECK(board.state_of("10001", 1000, true) == "offline");
  board.set_online("10001", true);
  CHECK(board.state_of("10001", 1000, true) == "ok");
  board.set_client_off("10001", true);  // switched off: offline whatever the account's own status
  CHECK(board.state_of("10001", 1000, true) == "offline");
  CHECK(board.to_json(1000, no_http)["10001"]["online"] == true);
  board.set_client_off("10001", false);
  CHECK(board.state_of("10001", 1000, true) == "ok");
}

TEST_CASE("account board: no_route without a connection that takes calls or an HTTP API", "[health]") {
  account_board board;
  CHECK(board.state_of("10001", 1000, false) == "no_route");  // never heard of
  CHECK(board.state_of("10001", 1000, true) == "ok");
  board.set_links("10001", {}, false);  // listed before its client first shows up
  CHECK(board.to_json(1000, no_http).contains("10001"));
  board.set_links("10001", {"Event"}, false);
  CHECK(board.state_of("10001", 1000, false) == "no_route");
  CHECK(board.state_of("10001", 1000, true) == "ok");
  board.set_links("10001", {"Event", "API"}, true);
  CHECK(board.state_of("10001", 1000, false) == "ok");
  board.saw_event("10001", 1500);
  auto j = board.to_json(2000, no_http)["10001"];
  CHECK(j["ws_links"] == nlohmann::json::array({"Event", "API"}));
  CHECK(j["ws_connected"] == true);
  CHECK(j["http_api"] == false);
  CHECK(j["last_event_at"] == 1500);
  CHECK(j["last_heartbeat_at"] == nullptr);
  CHECK(j["online"] == nullptr);
}

TEST_CASE(
    "account board: the pause shows under its key, stays capped however often, and starts short after a send",
    "[health]") {
  account_board board{"rate_limit"};
  board.set_links("10001", {"Universal"}, true);
  CHECK(board.to_json(0, no_http)["10001"]["rate_limit"] == nullptr);
  for (int i = 0; i < 40; ++i) board.pause("10001", 200'000);  // no overflow however many
  CHECK(board.paused("10001", 200'000 + account_board::longest_pause_ms - 1));
  CHECK_FALSE(board.paused("10001", 200'000 + account_board::longest_pause_ms));
  auto pause = board.to_json(200'000, no_http)["10001"]["rate_limit"];
  CHECK(pause["last_at"] == 200'000);
  CHECK(pause["strikes"] == 16);
  CHECK(pause["paused_until"] == 200'000 + account_board::longest_pause_ms);
  board.sent("10001");
  CHECK(board.to_json(200'001, no_http)["10001"]["rate_limit"]["paused_until"] == nullptr);
  board.pause("10001", 300'000);  // short again
  CHECK(board.paused("10001", 300'000 + account_board::first_pause_ms - 1));
  CHECK_FALSE(board.paused("10001", 300'000 + account_board::first_pause_ms));
}

TEST_CASE(
    "account board: a pause (QQ risk control) stops the account, longer each time, until a send succeeds",
    "[health]") {
  account_board board;
  board.set_links("10001", {"Universal"}, true);
  board.pause("10001", 0);
  CHECK(board.paused("10001", 29'999));
  CHECK(board.state_of("10001", 29'999, false) == "paused");
  CHECK_FALSE(board.paused("10001", 30'000));
  board.pause("10001", 30'000);
  CHECK(board.paused("10001", 89'999));
  CHECK_FALSE(board.paused("10001", 90'000));
  for (int i = 0; i < 10; ++i) board.pause("10001", 100'000);
  CHECK_FALSE(board.paused("10001", 100'000 + account_board::longest_pause_ms));
  board.sent("10001");
  CHECK_FALSE(board.paused("10001", 100'001));
  CHECK(board.state_of("10001", 100'001, false) == "ok");
}
