// The suggestion box against someone who reads the database files of the real, running binary:
// an anonymous writer's acknowledgement is handed to a loopback bridge that holds its answer, the
// files (database, -wal, -shm) and the log are searched for the writer's id and name while the
// process runs and after it is killed with SIGKILL; then a restart with the same relay key still
// delivers the acknowledgement — the sealed row was durable, only never readable.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "bot/crypto.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "support/loop.hpp"
#include "support/process.hpp"
#include "support/running_bot.hpp"
#include "support/temp_dir.hpp"
#include "support/webhook_peer.hpp"

namespace {

constexpr const char* anonymity_secret = "anonymity-test-secret";
constexpr const char* writer_id = "wxid_anon_writer_5521";
constexpr const char* writer_name = "匿名测试人X";

// Records every delivery; holds the answers while `holding`.
struct bridge {
  explicit bridge(boost::asio::io_context& io) : server(io, config()) {
    server.route_async("POST", "/bridge",
                       [this](const bot::http_request& req, std::function<void(bot::http_response)> respond) {
                         deliveries.push_back({req.header("x-estatebot-delivery"), req.body});
                         if (holding) {
                           held.push_back(std::move(respond));
                           return;
                         }
                         respond({200, "application/json", R"({"message_id":"b-1"})", {}});
                       });
    port = server.start();
  }
  static bot::server_config config() {
    bot::server_config c;
    c.port = 0;
    return c;
  }
  bot::http_server server;
  std::uint16_t port = 0;
  std::vector<std::pair<std::string, std::string>> deliveries;  // delivery id, body
  std::vector<std::function<void(bot::http_response)>> held;
  bool holding = true;
};

bot::http_reply post_suggestion(boost::asio::io_context& io, bot::http_client& client, std::uint16_t port,
                                const std::string& body) {
  return testing::signed_call(io, client, port, anonymity_secret, "POST", "/webhook/generic", body);
}

// Every byte of the database files (whatever SQLite keeps next to it) and of the service logs.
std::string bytes_in(const testing::temp_dir& dir, const std::string& ending) {
  std::string out;
  for (const auto& f : std::filesystem::directory_iterator(dir.path()))
    if (f.path().string().find(ending) != std::string::npos) out += testing::read_file(f.path().string());
  return out;
}

void check_no_writer(const testing::temp_dir& dir, const char* when) {
  INFO(when);
  std::string db = bytes_in(dir, ".sqlite3");
  REQUIRE(db.find("SQLite format 3") != std::string::npos);
  CHECK(db.find(writer_id) == std::string::npos);
  CHECK(db.find(writer_name) == std::string::npos);
  std::string logs = bytes_in(dir, ".log");
  CHECK(logs.find(writer_id) == std::string::npos);
  CHECK(logs.find(writer_name) == std::string::npos);
}

}  // namespace

TEST_CASE("the files of the running binary, and after SIGKILL, never name an anonymous writer",
          "[process][crash][suggestions][privacy]") {
  testing::temp_dir dir;
  boost::asio::io_context io;
  bot::http_client client(io);
  bridge b(io);
  testing::write_file(dir.file("config.toml"),
                      fmt::format(R"(
[server]
port = 0
[storage]
path = "{}"
[outbox]
backoff_initial_ms = 50
send_timeout_ms = 60000
[suggestions]
relay_key = "{}"
[adapters.console]
enabled = false
[adapters.webhook]
enabled = true
secret = "{}"
outbound_url = "http://127.0.0.1:{}/bridge"
)",
                                  dir.file("box.sqlite3"), std::string(64, 'c'), anonymity_secret, b.port));
  const std::string suggestion = nlohmann::json{{"platform", "wechat"},
                                                {"message_id", "wx-9001"},
                                                {"chat", {{"type", "direct"}, {"id", writer_id}}},
                                                {"sender", {{"id", writer_id}, {"name", writer_name}}},
                                                {"text", "匿名建议 希望物业晚上多巡逻几次"}}
                                     .dump();
  std::string first_delivery;
  {
    testing::running_bot first(io, dir, "first");
    REQUIRE(post_suggestion(io, client, first.port, suggestion).status == 200);
    // The acknowledgement is with the bridge, unanswered: its row is pending in the database.
    REQUIRE(testing::run_until(io, [&] { return b.held.size() == 1; }));
    auto j = nlohmann::json::parse(b.deliveries.at(0).second);
    CHECK(j["chat"]["id"] == writer_id);  // opened in memory, just for the send
    CHECK(j["text"].get<std::string>().find("已收到您的匿名建议") != std::string::npos);
    first_delivery = b.deliveries[0].first;
    check_no_writer(dir, "while the process runs");
    first.child.signal(SIGKILL);
    REQUIRE(first.child.wait(std::chrono::seconds(10)));
  }
  check_no_writer(dir, "after SIGKILL");

  b.holding = false;
  for (auto& respond : b.held) respond({200, "application/json", "{}", {}});  // its connection died
  b.held.clear();
  {
    testing::running_bot second(io, dir, "second");
    // The sealed row survived the crash and opens with the configured key.
    REQUIRE(testing::run_until(io, [&] { return b.deliveries.size() == 2; }));
    CHECK(b.deliveries[1].first == first_delivery);  // the same delivery id: the bridge can drop the copy
    CHECK(nlohmann::json::parse(b.deliveries[1].second)["chat"]["id"] == writer_id);
    check_no_writer(dir, "after the restart delivered it");
    second.child.signal(SIGKILL);
    REQUIRE(second.child.wait(std::chrono::seconds(10)));
  }
  check_no_writer(dir, "after the second SIGKILL");
}
