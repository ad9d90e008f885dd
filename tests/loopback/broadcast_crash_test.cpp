// Crash safety of a broadcast, end to end: the real estatebot binary with the generic webhook
// adapter, a fake bridge on loopback that records deliveries and holds answers, a notice to many
// groups sent as a signed staff message, SIGKILL while sends are in flight, a restart on the same
// database — and every group gets the notice, with only the rows in flight at the kill sent twice
// (with the same X-Estatebot-Delivery id, so the bridge can drop the copy).
#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "bot/crypto.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "support/loop.hpp"
#include "support/process.hpp"
#include "support/running_bot.hpp"
#include "support/temp_dir.hpp"
#include "support/webhook_peer.hpp"

namespace {

constexpr const char* crash_secret = "crash-test-secret";
constexpr int crash_groups = 12;
constexpr int max_in_flight = 4;
constexpr int answered_before_kill = 4;  // the reply to staff and three groups

struct delivery {
  std::string id;  // X-Estatebot-Delivery
  std::string body;
  bool signed_ok = false;
};

// The bridge: answers the first `answer_first` requests at once and holds the rest until told.
struct fake_bridge {
  explicit fake_bridge(boost::asio::io_context& io) : server(io, config()) {
    server.route_async(
        "POST", "/bridge",
        [this](const bot::http_request& req, std::function<void(bot::http_response)> respond) {
          deliveries.push_back({req.header("x-estatebot-delivery"), req.body,
                                req.header("x-signature") ==
                                    "sha256=" + bot::crypto::hmac_sha256_hex(crash_secret, req.body)});
          if (holding && answered >= answer_first) {
            held.push_back({deliveries.back().id, std::move(respond)});
            return;
          }
          ++answered;
          respond(ok(deliveries.size()));
        });
    port = server.start();
  }
  static bot::server_config config() {
    bot::server_config c;
    c.port = 0;
    return c;
  }
  static bot::http_response ok(std::size_t n) {
    return {200, "application/json", R"({"message_id":"bridge-)" + std::to_string(n) + "\"}", {}};
  }
  void release_all() {
    holding = false;
    for (auto& [id, respond] : held) respond(ok(0));  // their connections died with the process
  }

  bot::http_server server;
  std::uint16_t port = 0;
  std::vector<delivery> deliveries;
  std::vector<std::pair<std::string, std::function<void(bot::http_response)>>> held;
  int answered = 0;
  int answer_first = answered_before_kill;
  bool holding = true;
};

bot::http_reply call(boost::asio::io_context& io, bot::http_client& client, const std::string& method,
                     std::uint16_t port, const std::string& path, const std::string& body = {}) {
  return testing::signed_call(io, client, port, crash_secret, method, path, body);
}

nlohmann::json outbox_health(boost::asio::io_context& io, bot::http_client& client, std::uint16_t port) {
  auto r = call(io, client, "GET", port, "/healthz");
  REQUIRE(r.status == 200);
  return nlohmann::json::parse(r.body)["outbox"];
}

void write_config(testing::temp_dir& dir, std::uint16_t bridge_port) {
  testing::write_file(dir.file("config.toml"),
                      fmt::format(R"(
[server]
port = 0
[storage]
path = "{}"
[roles]
staff = ["webhook:wechat:wxid_staff"]
admins = ["webhook:wechat:wxid_admin"]
[outbox]
max_in_flight = {}
backoff_initial_ms = 50
send_timeout_ms = 60000
[outbox.platforms.webhook]
per_second = 1000
burst = 1000
[adapters.console]
enabled = false
[adapters.webhook]
enabled = true
secret = "{}"
outbound_url = "http://127.0.0.1:{}/bridge"
)",
                                  dir.file("bot.sqlite3"), max_in_flight, crash_secret, bridge_port));
}

void register_groups(boost::asio::io_context& io, bot::http_client& client, std::uint16_t port,
                     fake_bridge& bridge, std::vector<std::string>& expected_groups) {
  // An admin registers every group (only registered groups get notices); their confirmations
  // are delivered before the notice.
  bridge.holding = false;
  for (int i = 0; i < crash_groups; ++i) {
    expected_groups.push_back("g" + std::to_string(i) + "@chatroom");
    auto r = call(io, client, "POST", port, "/webhook/generic",
                  testing::webhook_message("hello-" + std::to_string(i), "group", expected_groups.back(),
                                           "wxid_owner", "大家好"));
    REQUIRE(r.status == 200);
    r = call(io, client, "POST", port, "/webhook/generic",
             testing::webhook_message("register-" + std::to_string(i), "group", expected_groups.back(),
                                      "wxid_admin", "绑定小区 阳光花园"));
    REQUIRE(r.status == 200);
  }
  REQUIRE(testing::run_until(io, [&] {
    auto o = outbox_health(io, client, port);
    return bridge.deliveries.size() == static_cast<std::size_t>(crash_groups) && o["pending"] == 0 &&
           o["in_flight"] == 0;
  }));
}

void check_rows_sent(testing::temp_dir& dir) {
  // What the database says matches: everything sent, with the bridge's message ids.
  SQLite::Database db(dir.file("bot.sqlite3"), SQLite::OPEN_READONLY);
  SQLite::Statement q(db,
                      "SELECT state, coalesce(platform_message_id, '') FROM outbox WHERE ref = 'notice:1'");
  int rows = 0;
  while (q.executeStep()) {
    ++rows;
    CHECK(q.getColumn(0).getString() == "sent");
    CHECK(q.getColumn(1).getString().rfind("bridge-", 0) == 0);
  }
  CHECK(rows == crash_groups);
}

}  // namespace

TEST_CASE("a broadcast survives SIGKILL mid-way: every group gets it, only in-flight rows twice",
          "[process][crash][notice]") {
  testing::temp_dir dir;
  boost::asio::io_context io;
  bot::http_client client(io);
  fake_bridge bridge(io);
  write_config(dir, bridge.port);

  std::vector<std::string> expected_groups;
  std::map<std::string, int> received_by_delivery;
  {
    testing::running_bot first(io, dir, "first");
    register_groups(io, client, first.port, bridge, expected_groups);
    bridge.deliveries.clear();
    bridge.answered = 0;
    bridge.holding = true;

    auto r = call(io, client, "POST", first.port, "/webhook/generic",
                  testing::webhook_message("staff-1", "direct", "wxid_staff", "wxid_staff",
                                           "公告 停水通知 | 明天9:00-12:00 3栋停水检修"));
    REQUIRE(r.status == 200);  // answered only after the notice and its outbox rows were committed

    // The moment of the kill: four answered and recorded as sent, four more handed to the bridge
    // and not answered.
    REQUIRE(testing::run_until(io, [&] {
      if (bridge.held.size() < static_cast<std::size_t>(max_in_flight)) return false;
      auto o = outbox_health(io, client, first.port);
      return o["in_flight"] == max_in_flight && o["pending"] == crash_groups + 1 - answered_before_kill;
    }));
    first.child.signal(SIGKILL);
    REQUIRE(first.child.wait(std::chrono::seconds(10)));
  }
  std::set<std::string> in_flight_at_kill;
  for (const auto& [id, respond] : bridge.held) in_flight_at_kill.insert(id);
  REQUIRE(in_flight_at_kill.size() == static_cast<std::size_t>(max_in_flight));
  bridge.release_all();

  {
    testing::running_bot second(io, dir, "second");
    REQUIRE(testing::run_until(io, [&] {
      auto o = outbox_health(io, client, second.port);
      return o["pending"] == 0 && o["in_flight"] == 0;
    }));
    second.child.signal(SIGTERM);
    auto code = second.child.wait(std::chrono::seconds(10));
    REQUIRE(code);
    CHECK(*code == 0);
  }

  std::map<std::string, std::set<std::string>> delivery_ids_by_group;
  std::map<std::string, std::string> body_by_delivery;
  for (const auto& d : bridge.deliveries) {
    INFO(d.body);
    CHECK(d.signed_ok);
    auto j = nlohmann::json::parse(d.body);
    CHECK(j["delivery_id"] == d.id);  // the header and the body name the same outbox row
    ++received_by_delivery[d.id];
    if (body_by_delivery.contains(d.id))
      CHECK(body_by_delivery[d.id] == d.body);  // a resend is the same message
    body_by_delivery[d.id] = d.body;
    if (j["chat"]["type"] == "group") {
      CHECK(j["text"].get<std::string>().find("【物业公告 #1】停水通知") != std::string::npos);
      delivery_ids_by_group[j["chat"]["id"]].insert(d.id);
    }
  }
  // Every group got the notice, each from one outbox row.
  CHECK(delivery_ids_by_group.size() == static_cast<std::size_t>(crash_groups));
  for (const auto& g : expected_groups) {
    INFO(g);
    CHECK(delivery_ids_by_group[g].size() == 1);
  }
  // Exactly the rows in flight at the kill came twice; everything else once.
  std::set<std::string> twice;
  for (const auto& [id, n] : received_by_delivery) {
    CHECK(n <= 2);
    if (n == 2) twice.insert(id);
  }
  CHECK(twice == in_flight_at_kill);
  CHECK(bridge.deliveries.size() == static_cast<std::size_t>(crash_groups + 1 + max_in_flight));

  check_rows_sent(dir);
}
