// The per-account registry of reverse-WebSocket connections every such channel relies on: the
// newest open connection that takes calls carries them, a connection that ends fails the calls
// waiting on it at once, accounts named after the connection opened (OneBot 12) join it, and the
// adapter hears of every change to publish the account's health.
#include <utility>  // before Asio: Boost 1.74 with GCC 12 needs it

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bot/account_links.hpp"
#include "bot/ws_connection.hpp"
#include "support/loop.hpp"

using bot::account_links;

namespace {

struct fake_ws final : bot::ws_connection {
  std::vector<std::string> sent;
  bool open = true;
  std::string peer = "127.0.0.1:40000";

  void send(std::string text) override {
    if (open) sent.push_back(std::move(text));
  }
  void close() override { open = false; }
  bool is_open() const override { return open; }
  const std::string& remote() const override { return peer; }
  void ended() {  // the client went away
    open = false;
    if (on_close) on_close();
  }
};

struct registry {
  boost::asio::io_context io;
  std::vector<std::string> changes;  // "account joined|left role"
  std::vector<const account_links::link*> framed;
  account_links links{
      io, 60'000, [this](const std::string& account, const account_links::link& l, account_links::change c) {
        changes.push_back(account + (c == account_links::change::joined ? " joined " : " left ") + l.role);
      }};

  std::shared_ptr<fake_ws> open(const std::string& role, bool takes_calls, const std::string& account) {
    auto ws = std::make_shared<fake_ws>();
    links.add(ws, role, takes_calls, account,
              [this](const account_links::link& l, const std::string&) { framed.push_back(&l); });
    return ws;
  }
  bot::ws_connection* caller(const std::string& account) const {
    const auto* l = links.caller_for(account);
    return l ? l->ws.get() : nullptr;
  }
};

}  // namespace

TEST_CASE("account links: the newest open connection that takes calls carries them", "[transport][links]") {
  registry r;
  CHECK(r.caller("10001") == nullptr);
  auto universal = r.open("Universal", true, "10001");
  auto events = r.open("Event", false, "10001");
  CHECK(r.caller("10001") == universal.get());  // newer, but it takes no calls
  CHECK(r.links.roles("10001") == std::vector<std::string>{"Universal", "Event"});
  CHECK(r.links.takes_calls("10001"));

  auto api = r.open("API", true, "10001");
  CHECK(r.caller("10001") == api.get());
  auto other = r.open("Universal", true, "10002");
  CHECK(r.caller("10001") == api.get());  // another account's connection is not this one's
  CHECK(r.caller("10002") == other.get());

  api->close();  // closing, not yet ended: it takes no more calls
  CHECK(r.caller("10001") == universal.get());
  api->ended();
  universal->ended();
  CHECK(r.caller("10001") == nullptr);
  CHECK(r.links.roles("10001") == std::vector<std::string>{"Event"});
  CHECK_FALSE(r.links.takes_calls("10001"));
  CHECK(r.changes == std::vector<std::string>{"10001 joined Universal", "10001 joined Event",
                                              "10001 joined API", "10002 joined Universal", "10001 left API",
                                              "10001 left Universal"});
}

TEST_CASE("account links: a connection that ends fails the calls waiting on it at once",
          "[transport][links]") {
  registry r;
  auto ws = r.open("Universal", true, "10001");
  std::vector<bot::ws_calls::result> results;
  auto call = [&] {
    r.links.caller_for("10001")->calls->call(
        [](const std::string& echo) {
          return nlohmann::json{{"action", "send"}, {"echo", echo}}.dump();
        },
        [&](bot::ws_calls::result res) { results.push_back(std::move(res)); });
  };
  call();
  call();
  REQUIRE(ws->sent.size() == 2);
  const auto first_echo = nlohmann::json::parse(ws->sent[0])["echo"];
  CHECK(first_echo != nlohmann::json::parse(ws->sent[1])["echo"]);
  CHECK(r.links.caller_for("10001")->calls->answer({{"status", "ok"}, {"echo", first_echo}}));
  ws->ended();
  REQUIRE(testing::run_until(r.io, [&] { return results.size() == 2; }));
  CHECK(results[0].how == bot::ws_calls::result::outcome::answered);
  CHECK(results[1].how == bot::ws_calls::result::outcome::no_answer);
  CHECK(results[1].error == "the WebSocket closed while waiting for the answer");
  CHECK(r.caller("10001") == nullptr);
}

TEST_CASE("account links: a connection names its accounts later, and may carry several",
          "[transport][links]") {
  registry r;
  auto ws = r.open("Universal", true, "");  // OneBot 12: the bots come in its first events
  CHECK(r.changes.empty());
  ws->on_message(R"({"type":"meta","detail_type":"status_update"})");
  REQUIRE(r.framed.size() == 1);
  r.links.serve(*r.framed[0], "wechat:wxid_a");
  r.links.serve(*r.framed[0], "qq:10001");
  r.links.serve(*r.framed[0], "wechat:wxid_a");  // already carried: no change
  CHECK(r.caller("wechat:wxid_a") == ws.get());
  CHECK(r.caller("qq:10001") == ws.get());
  CHECK(r.framed[0]->accounts == std::vector<std::string>{"wechat:wxid_a", "qq:10001"});
  ws->ended();
  CHECK(r.caller("wechat:wxid_a") == nullptr);
  CHECK(r.changes == std::vector<std::string>{"wechat:wxid_a joined Universal", "qq:10001 joined Universal",
                                              "wechat:wxid_a left Universal", "qq:10001 left Universal"});
}

TEST_CASE("account links: going away closes every connection and calls nobody back", "[transport][links]") {
  boost::asio::io_context io;
  int changes = 0;
  bool answered = false;
  auto a = std::make_shared<fake_ws>();
  auto b = std::make_shared<fake_ws>();
  {
    account_links links{
        io, 60'000,
        [&](const std::string&, const account_links::link&, account_links::change) { ++changes; }};
    auto ignore = [](const account_links::link&, const std::string&) {};
    links.add(a, "Universal", true, "10001", ignore);
    links.add(b, "Event", false, "10002", ignore);
    links.caller_for("10001")->calls->call([](const std::string& echo) { return echo; },
                                           [&](bot::ws_calls::result) { answered = true; });
  }
  io.poll();
  CHECK_FALSE(a->is_open());
  CHECK_FALSE(b->is_open());
  CHECK_FALSE(a->on_close);
  CHECK_FALSE(a->on_message);
  CHECK(changes == 2);  // the two joins; nothing on the way out
  CHECK_FALSE(answered);
}
