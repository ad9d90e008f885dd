// The real estatebot app on 127.0.0.1 port 0 with the OneBot 12 adapter, for loopback tests: a fake
// implementation (ComWeChatBotClient's shapes) connects as a reverse-WebSocket client or posts to
// the HTTP Webhook, over real sockets; helpers build its events and answer its actions.
#pragma once
#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bot/app.hpp"
#include "bot/clock.hpp"
#include "bot/core.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "storage/stores.hpp"
#include "support/fake_onebot.hpp"
#include "support/loop.hpp"
#include "support/loopback_server.hpp"
#include "support/scratch_db.hpp"
#include "support/temp_dir.hpp"

namespace testing::onebot12 {

using nlohmann::json;

inline constexpr const char* token = "ob12-token";
inline constexpr const char* bot_id = "wxid_bot001";
inline constexpr const char* account = "wechat:wxid_bot001";
inline constexpr const char* owners_group = "20876543210@chatroom";

inline json text_seg(const std::string& text) {
  return {{"type", "text"}, {"data", {{"text", text}}}};
}

// A message event as ComWeChatBotClient sends it; `group` empty: a private message.
inline json message(const std::string& id, const std::string& user, const std::string& text,
                    const std::string& group = owners_group) {
  json e{{"id", "ev-" + id},    {"time", 1764547200.5},
         {"type", "message"},   {"detail_type", group.empty() ? "private" : "group"},
         {"sub_type", ""},      {"self", {{"platform", "wechat"}, {"user_id", bot_id}}},
         {"message_id", id},    {"message", json::array({text_seg(text)})},
         {"alt_message", text}, {"user_id", user}};
  if (!group.empty()) e["group_id"] = group;
  return e;
}

inline json connect_event(const std::string& impl) {
  return {{"id", "c-1"},    {"time", 1764547200.5},
          {"type", "meta"}, {"detail_type", "connect"},
          {"sub_type", ""}, {"version", {{"impl", impl}, {"version", "1.2.0"}, {"onebot_version", "12"}}}};
}

inline std::string text_of(const json& call) {
  std::string out;
  for (const auto& seg : call["params"]["message"])
    if (seg["type"] == "text") out += seg["data"]["text"].get<std::string>();
  return out;
}

// The implementation's HTTP action endpoint (api_url): records each POST and answers ok.
struct action_endpoint {
  explicit action_endpoint(boost::asio::io_context& io) : server(io, testing::loopback_server()) {
    server.route("POST", "/", [this](const bot::http_request& req) {
      posts.push_back({req.header("authorization"), json::parse(req.body)});
      return bot::http_response{
          200, "application/json", R"({"status":"ok","retcode":0,"data":null,"message":""})", {}};
    });
    port = server.start();
  }
  bot::http_server server;
  std::uint16_t port = 0;
  std::vector<std::pair<std::string, json>> posts;  // Authorization header, body
};

struct harness {
  // With `http_api`, a fake action endpoint on the same loop is api_url.
  // `self_ids` false: the bridge's accounts are learned, none listed.
  explicit harness(const std::string& extra = "", bool http_api = false, bool self_ids = true) {
    if (http_api) api = std::make_unique<action_endpoint>(io);
    auto cfg = bot::config::parse(fmt::format(
        R"(
[server]
port = 0
[storage]
{}
[outbox]
backoff_initial_ms = 10
backoff_max_ms = 50
[outbox.platforms.onebot12]
per_second = 50.0
burst = 50
per_chat_burst = 10
[adapters.console]
enabled = false
[adapters.onebot12]
enabled = true
access_token = "{}"
self_ids = [{}]
api_url = "{}"
{}
)",
        testing::storage_keys(dir.file("bot.sqlite3")), token, self_ids ? fmt::format("\"{}\"", account) : "",
        api ? fmt::format("http://127.0.0.1:{}/", api->port) : "", extra));
    service = std::make_unique<bot::app>(cfg, io, clock);
    port = service->start(false);
  }

  std::shared_ptr<testing::fake_ws_client> connect(const std::string& auth = std::string("Bearer ") + token) {
    auto c = std::make_shared<testing::fake_ws_client>(io);
    testing::fake_ws_client::headers h{{"User-Agent", "OneBot/12 (ComWeChat) Python/3.10"},
                                       {"Sec-WebSocket-Protocol", "12.ComWeChat"}};
    if (!auth.empty()) h.emplace_back("Authorization", auth);
    c->connect(port, "/onebot12/ws", h);
    REQUIRE(testing::run_until(io, [&] { return c->open || c->ended; }));
    return c;
  }

  // Connects, says `connect` as `impl` and answers the get_status that follows: the account is known.
  std::shared_ptr<testing::fake_ws_client> connect_ready(const std::string& impl = "ComWechat") {
    auto c = connect();
    REQUIRE(c->open);
    c->send(connect_event(impl));
    REQUIRE(testing::run_until(io, [&] { return !c->calls.empty(); }));
    REQUIRE(c->calls[0]["action"] == "get_status");
    answer(*c, c->calls[0], 0,
           {{"good", true},
            {"bots",
             json::array({{{"self", {{"platform", "wechat"}, {"user_id", bot_id}}}, {"online", true}}})}});
    c->calls.erase(c->calls.begin());
    REQUIRE(testing::run_until(io, [&] { return health()["accounts"][account]["ws_connected"] == true; }));
    return c;
  }

  void answer(testing::fake_ws_client& c, const json& call, int retcode, json data = nullptr,
              const std::string& message = "") {
    c.send({{"status", retcode == 0 ? "ok" : "failed"},
            {"retcode", retcode},
            {"data", std::move(data)},
            {"message", message},
            {"echo", call.at("echo")}});
  }

  // Sends an event and waits until the app has taken it.
  void say(testing::fake_ws_client& c, const json& event) {
    const auto before = count("inbound_seen");
    c.send(event);
    REQUIRE(testing::run_until(io, [&] { return count("inbound_seen") > before; }));
  }

  // Answers every send ok (ComWeChat gives no message id) until nothing that can go out is pending.
  void settle(testing::fake_ws_client& c) {
    REQUIRE(testing::run_until(io, [&] {
      for (; answered < c.calls.size(); ++answered) answer(c, c.calls[answered], 0);
      return count("outbox WHERE state = 'pending' AND account <> ''") == 0 && answered == c.calls.size();
    }));
  }

  bot::http_reply post(const std::string& body, const std::string& auth = std::string("Bearer ") + token) {
    bot::http_call c;
    c.url = fmt::format("http://127.0.0.1:{}/onebot12", port);
    c.body = body;
    c.headers = {{"Content-Type", "application/json"}, {"X-OneBot-Version", "12"}, {"X-Impl", "ComWechat"}};
    if (!auth.empty()) c.headers.emplace_back("Authorization", auth);
    return request(c);
  }

  json health() {
    bot::http_call c;
    c.method = "GET";
    c.url = fmt::format("http://127.0.0.1:{}/healthz", port);
    return json::parse(request(c).body)["adapters"]["onebot12"];
  }

  bot::http_reply request(const bot::http_call& c) {
    std::optional<bot::http_reply> reply;
    client.request(c, [&](bot::http_reply r) { reply = std::move(r); });
    REQUIRE(testing::run_until(io, [&] { return reply.has_value(); }));
    return *reply;
  }

  std::int64_t count(const std::string& from) {
    return testing::sql_int(service->state().database, "SELECT count(*) FROM " + from);
  }

  testing::temp_dir dir;
  boost::asio::io_context io;
  std::unique_ptr<action_endpoint> api;
  bot::system_clock clock;
  bot::http_client client{io};
  std::unique_ptr<bot::app> service;
  std::uint16_t port = 0;
  std::size_t answered = 0;
};

}  // namespace testing::onebot12
