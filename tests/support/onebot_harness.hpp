// The real estatebot app on 127.0.0.1 port 0 with the OneBot adapter, for loopback tests: fake
// OneBot clients (tests/support/fake_onebot.hpp) connect to it over real sockets, and the helpers
// build events in the shapes the clients post.
#pragma once
#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bot/app.hpp"
#include "bot/clock.hpp"
#include "bot/core.hpp"
#include "bot/crypto.hpp"
#include "bot/http_client.hpp"
#include "storage/stores.hpp"
#include "support/fake_onebot.hpp"
#include "support/loop.hpp"
#include "support/scratch_db.hpp"
#include "support/temp_dir.hpp"

namespace testing::onebot {

using nlohmann::json;

inline constexpr const char* secret = "post-secret";
inline constexpr const char* token = "ws-token";
inline constexpr const char* bot_qq = "3889001234";

inline json group_message(std::int64_t message_id, std::int64_t group, std::int64_t user,
                          const std::string& text, const std::string& name = "王阿姨") {
  return {{"time", 1764547200},
          {"self_id", 3889001234LL},
          {"post_type", "message"},
          {"message_type", "group"},
          {"sub_type", "normal"},
          {"message_id", message_id},
          {"group_id", group},
          {"user_id", user},
          {"message", json::array({{{"type", "text"}, {"data", {{"text", text}}}}})},
          {"raw_message", text},
          {"font", 14},
          {"sender", {{"user_id", user}, {"nickname", name}, {"card", ""}, {"role", "member"}}}};
}

inline json lifecycle_connect() {
  return {{"time", 1764547200},
          {"self_id", 3889001234LL},
          {"post_type", "meta_event"},
          {"meta_event_type", "lifecycle"},
          {"sub_type", "connect"}};
}

inline json heartbeat() {
  return {{"time", 1764547200},
          {"self_id", 3889001234LL},
          {"post_type", "meta_event"},
          {"meta_event_type", "heartbeat"},
          {"status", {{"online", true}, {"good", true}}},
          {"interval", 30000}};
}

inline std::string text_of(const json& call) {
  std::string out;
  for (const auto& seg : call["params"]["message"])
    if (seg["type"] == "text") out += seg["data"]["text"].get<std::string>();
  return out;
}

inline bool has_segment(const json& call, const std::string& type, const std::string& key,
                        const std::string& value) {
  for (const auto& seg : call["params"]["message"])
    if (seg["type"] == type && seg["data"].value(key, "") == value) return true;
  return false;
}

struct harness {
  // With `http_api`, a fake HTTP API on the same loop is the client's api_url. `extra` is appended
  // to the config; with `manual_time` the app runs on a manual clock the test moves.
  explicit harness(bool http_api = false, const std::string& extra = "", bool manual_time = false,
                   std::size_t max_body_bytes = 8192) {
    if (http_api) {
      sink = std::make_unique<testing::fake_http_api>(io);
      sink->clk = manual_time ? static_cast<const bot::clock*>(&manual) : &clock;
      sink->bot_id = std::stoll(bot_qq);
    }
    auto cfg = bot::config::parse(fmt::format(R"(
[server]
port = 0
max_body_bytes = {}
[storage]
{}
[outbox]
backoff_initial_ms = 10
backoff_max_ms = 50
[outbox.platforms.onebot]
per_second = 20.0
burst = 20
per_chat_burst = 5
[adapters.console]
enabled = false
[adapters.onebot]
enabled = true
secret = "{}"
access_token = "{}"
api_url = "{}"
self_ids = [{}]
{}
)",
                                              max_body_bytes, testing::storage_keys(dir.file("bot.sqlite3")),
                                              secret, token, sink ? sink->url() : "", bot_qq, extra));
    service =
        std::make_unique<bot::app>(cfg, io, manual_time ? static_cast<const bot::clock&>(manual) : clock);
    port = service->start(false);
  }

  std::shared_ptr<testing::fake_ws_client> connect(const std::string& role = "Universal",
                                                   const std::string& auth = std::string("Bearer ") + token) {
    auto c = std::make_shared<testing::fake_ws_client>(io);
    testing::fake_ws_client::headers h{
        {"X-Self-ID", bot_qq}, {"X-Client-Role", role}, {"User-Agent", "OneBot/11"}};
    if (!auth.empty()) h.emplace_back("Authorization", auth);
    c->connect(port, "/onebot/ws", h);
    REQUIRE(testing::run_until(io, [&] { return c->open || c->ended; }));
    return c;
  }

  bot::http_reply post(const std::string& body, const std::string& self_id = bot_qq,
                       std::string signature = "auto") {
    bot::http_call c;
    c.url = fmt::format("http://127.0.0.1:{}/onebot", port);
    c.body = body;
    c.headers.emplace_back("Content-Type", "application/json");
    if (!self_id.empty()) c.headers.emplace_back("X-Self-ID", self_id);
    if (signature == "auto") signature = "sha1=" + bot::crypto::hmac_sha1_hex(secret, body);
    if (!signature.empty()) c.headers.emplace_back("X-Signature", signature);
    return request(c);
  }

  json health() {
    bot::http_call c;
    c.method = "GET";
    c.url = fmt::format("http://127.0.0.1:{}/healthz", port);
    return json::parse(request(c).body);
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

  std::vector<json> calls_to(const testing::fake_ws_client& c, std::int64_t group) {
    std::vector<json> out;
    for (const auto& call : c.calls)
      if (call["action"] == "send_group_msg" && call["params"]["group_id"] == group) out.push_back(call);
    return out;
  }

  // Sends an event and waits until the app has taken it (a message is remembered once processed).
  void say(testing::fake_ws_client& c, const json& event) {
    const auto before = count("inbound_seen");
    c.send(event);
    REQUIRE(testing::run_until(io, [&] { return count("inbound_seen") > before; }));
  }

  // Answers every call not answered yet (ok, message ids 9000 up) until nothing that can go out is
  // pending and every call has its answer: what a well-behaved client does. (A message to someone
  // who never wrote to the bot privately has no account to go out through and keeps waiting.)
  void settle(testing::fake_ws_client& c) {
    REQUIRE(testing::run_until(io, [&] {
      for (; answered < c.calls.size(); ++answered)
        c.answer(c.calls[answered], 0, 9000 + static_cast<int>(answered));
      return count("outbox WHERE state = 'pending' AND account <> ''") == 0 && answered == c.calls.size();
    }));
  }

  testing::temp_dir dir;
  boost::asio::io_context io;
  bot::system_clock clock;
  bot::manual_clock manual;
  bot::http_client client{io};
  std::unique_ptr<testing::fake_http_api> sink;
  std::unique_ptr<bot::app> service;
  std::uint16_t port = 0;
  std::size_t answered = 0;  // calls of the one client answered by settle()
};

}  // namespace testing::onebot
