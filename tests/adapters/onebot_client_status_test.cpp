// Per-account health for /healthz as the OneBot clients' events feed it: heartbeats (dead after
// three missed intervals), lifecycle, and whether there is a way to send.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/onebot/client_status.hpp"
#include "bot/account_board.hpp"
#include "support/fixtures.hpp"

namespace onebot_client_status_test {

using namespace adapters::onebot;
using bot::account_board;

namespace {

event_result fixture_event(const std::string& name) {
  return parse_event(nlohmann::json::parse(testing::fixture("onebot/events/" + name + ".json")), {});
}

}  // namespace

TEST_CASE("onebot: an account is alive while heartbeats come, dead after three missed", "[onebot][health]") {
  account_board board{"risk_control"};
  client_status client;
  const std::int64_t t0 = 1'764'548'400'000;
  client.saw(fixture_event("napcat_heartbeat"), t0, board);  // interval 30 s
  board.set_links("3889001234", {"Universal"}, true);
  CHECK(board.state_of("3889001234", t0 + 60'000, false) == "ok");
  CHECK(board.state_of("3889001234", t0 + 90'000, false) == "ok");
  CHECK(board.state_of("3889001234", t0 + 90'001, false) == "no_heartbeat");
  client.saw(fixture_event("napcat_heartbeat"), t0 + 95'000, board);
  CHECK(board.state_of("3889001234", t0 + 100'000, false) == "ok");

  auto j = client.to_json(board, t0 + 100'000, [](const std::string&) { return false; });
  CHECK(j["3889001234"]["heartbeat_interval_ms"] == 30000);
  CHECK(j["3889001234"]["last_heartbeat_at"] == t0 + 95'000);
  CHECK(j["3889001234"]["ws_connected"] == true);
  CHECK(j["3889001234"]["good"] == true);
}

TEST_CASE("onebot: a heartbeat interval of 2^62 ms is clamped, so the account still dies of silence",
          "[onebot][health][hardening]") {
  auto heartbeat = nlohmann::json::parse(testing::fixture("onebot/events/napcat_heartbeat.json"));
  account_board board{"risk_control"};
  client_status client;
  board.set_links("3889001234", {"Universal"}, true);
  const std::int64_t t0 = 1'764'548'400'000;
  for (auto interval : {nlohmann::json(std::int64_t{1} << 62), nlohmann::json(~std::uint64_t{0})}) {
    INFO(interval.dump());
    heartbeat["interval"] = interval;
    auto event = parse_event(heartbeat, {});
    client.saw(event, t0, board);
    CHECK(board.state_of("3889001234", t0 + 60'000, false) == "ok");
    const std::int64_t silence =
        account_board::missed_heartbeats_allowed * account_board::longest_heartbeat_interval_ms;
    CHECK(board.state_of("3889001234", t0 + silence, false) == "ok");
    CHECK(board.state_of("3889001234", t0 + silence + 1, false) == "no_heartbeat");
    CHECK(client.to_json(board, t0, [](const std::string&) {
      return false;
    })["3889001234"]["heartbeat_interval_ms"] == account_board::longest_heartbeat_interval_ms);
  }
}

TEST_CASE("onebot: lifecycle disable is offline, no link and no HTTP API is no_route", "[onebot][health]") {
  account_board board{"risk_control"};
  client_status client;
  client.saw(fixture_event("gocq_lifecycle_disable"), 1000, board);
  CHECK(board.state_of("10001", 2000, true) == "offline");
  client.saw(fixture_event("lagrange_lifecycle_connect"), 1000, board);
  CHECK(board.state_of("3889001234", 2000, false) == "no_route");
  CHECK(board.state_of("3889001234", 2000, true) == "ok");
  board.set_links("3889001234", {"Event"}, false);  // events only: nothing to send through
  CHECK(board.state_of("3889001234", 2000, false) == "no_route");
  board.set_links("3889001234", {"Event", "API"}, true);
  CHECK(board.state_of("3889001234", 2000, false) == "ok");
  auto j = client.to_json(board, 2000, [](const std::string&) { return false; });
  CHECK(j["3889001234"]["lifecycle"] == "connect");
  CHECK(j["3889001234"]["ws_links"] == nlohmann::json::array({"Event", "API"}));
}

}  // namespace onebot_client_status_test
