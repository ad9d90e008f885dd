// Two estatebot processes on one PostgreSQL database behind one bridge: a notice to 200 groups is
// delivered to every group while one instance is SIGKILLed mid-way. The survivor takes over the
// dead one's claimed rows once their lease runs out; only rows in flight at the kill come twice, each
// with the same X-Estatebot-Delivery id. Needs PostgreSQL: run by scripts/test-postgres ("[pg-only]").
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "storage/database.hpp"
#include "support/loop.hpp"
#include "support/process.hpp"
#include "support/running_bot.hpp"
#include "support/scratch_db.hpp"
#include "support/temp_dir.hpp"
#include "support/webhook_peer.hpp"

namespace two_instances_test {
namespace {

constexpr const char* secret = "two-instances-secret";
constexpr int groups = 200;
constexpr int max_in_flight = 4;

// Answers the first `answer_first` sends at once and holds the rest until released.
struct bridge {
  explicit bridge(boost::asio::io_context& io) : server(io, config()) {
    server.route_async("POST", "/bridge",
                       [this](const bot::http_request& req, std::function<void(bot::http_response)> respond) {
                         ids.push_back(req.header("x-estatebot-delivery"));
                         bodies.push_back(req.body);
                         if (holding && answered >= answer_first) {
                           held.push_back({ids.back(), std::move(respond)});
                           return;
                         }
                         ++answered;
                         respond(ok());
                       });
    port = server.start();
  }
  static bot::server_config config() {
    bot::server_config c;
    c.port = 0;
    return c;
  }
  static bot::http_response ok() { return {200, "application/json", R"({"message_id":"bridge"})", {}}; }
  void release_all() {
    holding = false;
    for (auto& [id, respond] : held) respond(ok());  // the dead instance's connections are gone
    held.clear();
  }
  void clear() {
    ids.clear();
    bodies.clear();
    answered = 0;
  }

  bot::http_server server;
  std::uint16_t port = 0;
  std::vector<std::string> ids, bodies;
  std::vector<std::pair<std::string, std::function<void(bot::http_response)>>> held;
  int answered = 0;
  int answer_first = 0;
  bool holding = false;
};

bot::http_reply say(boost::asio::io_context& io, bot::http_client& client, std::uint16_t port,
                    const std::string& body) {
  return testing::signed_call(io, client, port, secret, "POST", "/webhook/generic", body);
}

}  // namespace

TEST_CASE("two instances on one PostgreSQL database: a broadcast survives SIGKILL of one of them",
          "[.][pg-only][process][notice]") {
  REQUIRE(testing::on_postgres());
  testing::temp_dir dir;
  boost::asio::io_context io;
  bot::http_client client(io);
  bridge b(io);
  const std::string url = testing::scratch_database();
  storage::database db(url);  // migrated once here; the instances find it current
  testing::write_file(dir.file("config.toml"), fmt::format(R"(
[server]
port = 0
[storage]
backend = "postgres"
url = "{}"
poll_ms = 50
[roles]
staff = ["webhook:wechat:wxid_staff"]
admins = ["webhook:wechat:wxid_admin"]
[outbox]
max_in_flight = {}
lease_ms = 1500
send_timeout_ms = 60000
[outbox.platforms.webhook]
per_second = 100000
burst = 100000
per_chat_per_second = 1000
per_chat_burst = 1000
[adapters.console]
enabled = false
[adapters.webhook]
enabled = true
secret = "{}"
outbound_url = "http://127.0.0.1:{}/bridge"
)",
                                                           url, max_in_flight, secret, b.port));
  auto pending = [&] { return testing::sql_int(db, "SELECT count(*) FROM outbox WHERE state = 'pending'"); };

  testing::running_bot first(io, dir, "first");
  testing::running_bot second(io, dir, "second");
  std::vector<std::string> expected;
  for (int i = 0; i < groups; ++i) {
    expected.push_back("g" + std::to_string(i) + "@chatroom");
    // Half the groups are registered through each instance, as a proxy would spread them.
    const auto port = i % 2 ? second.port : first.port;
    REQUIRE(say(io, client, port,
                testing::webhook_message("register-" + std::to_string(i), "group", expected.back(),
                                         "wxid_admin", "绑定小区 阳光花园"))
                .status == 200);
  }
  REQUIRE(testing::run_until(io, [&] { return b.ids.size() >= groups && pending() == 0; }));
  CHECK(b.ids.size() == groups);  // each confirmation once, whichever instance sent it
  b.clear();
  b.holding = true;
  b.answer_first = 40;

  REQUIRE(say(io, client, first.port,
              testing::webhook_message("staff-1", "direct", "wxid_staff", "wxid_staff",
                                       "公告 停水通知 | 明天9:00-12:00 3栋停水检修"))
              .status == 200);
  // Both instances send: each has its slots full with unanswered sends when the first is killed.
  REQUIRE(testing::run_until(io, [&] { return b.held.size() == 2 * max_in_flight; }));
  first.child.signal(SIGKILL);
  REQUIRE(first.child.wait(std::chrono::seconds(10)));
  std::set<std::string> in_flight_at_kill;
  for (const auto& [id, respond] : b.held) in_flight_at_kill.insert(id);
  b.release_all();
  REQUIRE(testing::run_until(io, [&] { return pending() == 0; }));

  std::map<std::string, std::set<std::string>> ids_by_group;
  std::map<std::string, int> times;
  for (std::size_t i = 0; i < b.ids.size(); ++i) {
    ++times[b.ids[i]];
    auto j = nlohmann::json::parse(b.bodies[i]);
    if (j["chat"]["type"] == "group") ids_by_group[j["chat"]["id"]].insert(b.ids[i]);
  }
  CHECK(ids_by_group.size() == groups);
  for (const auto& g : expected) {
    INFO(g);
    CHECK(ids_by_group[g].size() == 1);  // one outbox row per group
  }
  std::set<std::string> twice;
  for (const auto& [id, n] : times) {
    CHECK(n <= 2);
    if (n == 2) twice.insert(id);
  }
  for (const auto& id : twice) CHECK(in_flight_at_kill.contains(id));
  // The killed instance's four sends, taken over by the survivor after their lease: sent again.
  CHECK(twice.size() == static_cast<std::size_t>(max_in_flight));
  CHECK(testing::sql_int(db, "SELECT count(*) FROM outbox WHERE ref = 'notice:1' AND state = 'sent'") ==
        groups);
}

}  // namespace two_instances_test
