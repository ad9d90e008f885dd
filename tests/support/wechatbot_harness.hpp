// The service on 127.0.0.1 port 0 with the wechatbot adapter enabled, a real HTTP client posting the
// bridge's forms to it, and a fake wechatbot-webhook on loopback taking its sends at
// /webhook/msg/v2 and answering as the bridge does (packages/core/src/service/msgSender.ts).
#pragma once
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "bot/app.hpp"
#include "bot/clock.hpp"
#include "bot/core.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "storage/stores.hpp"
#include "support/loop.hpp"
#include "support/loopback_server.hpp"
#include "support/scratch_db.hpp"
#include "support/temp_dir.hpp"
#include "support/wechatbot_forms.hpp"

namespace testing::wechatbot {

inline constexpr const char* inbound_token = "recvd-token-7a9c";
inline constexpr const char* api_token = "bridge-token-3e1f";

struct sent {
  nlohmann::json body;
  std::string token;
};

// What wechatbot-webhook answers: found rooms and people get the message, others "not found";
// while logged out, 401 as its loginCheck middleware answers.
struct fake_bridge {
  explicit fake_bridge(boost::asio::io_context& io) : server(io, testing::loopback_server()) {
    server.route("POST", "/webhook/msg/v2", [this](const bot::http_request& req) { return answer(req); });
    port = server.start();
  }
  bot::http_response answer(const bot::http_request& req) {
    if (!logged_in)
      return {401, "application/json", R"({"success":false,"message":"you must login first"})", {}};
    auto body = nlohmann::json::parse(req.body);
    inbox.push_back({body, req.query_param("token")});
    if (body["isRoom"] == true && !rooms.contains(body["to"].get<std::string>())) {
      nlohmann::json task = {
          {"successCount", 0},
          {"totalCount", 1},
          {"failedCount", 1},
          {"reject", nlohmann::json::array()},
          {"sentFailed", nlohmann::json::array()},
          {"notFound", {{{"to", body["to"]}, {"isRoom", true}, {"error", "Room is not found"}}}}};
      return {200,
              "application/json",
              nlohmann::json{{"success", false}, {"message", "All Messages (1) sent failed"}, {"task", task}}
                  .dump(),
              {}};
    }
    return {200, "application/json", R"({"success":true,"message":"Message sent successfully"})", {}};
  }
  // The messages sent into one chat: a group's topic, a person's nickname or {"alias": …}.
  std::vector<std::string> to(const nlohmann::json& who) const {
    std::vector<std::string> out;
    for (const auto& s : inbox)
      if (s.body["to"] == who) out.push_back(s.body["data"]["content"].get<std::string>());
    return out;
  }

  bot::http_server server;
  std::uint16_t port = 0;
  std::vector<sent> inbox;
  std::set<std::string> rooms{"3栋业主群", "5栋业主群"};
  bool logged_in = true;
};

struct harness {
  // `extra`: more tables ([roles], ...).
  explicit harness(const std::string& extra = {}) : bridge(io) {
    auto cfg = bot::config::parse(fmt::format(R"(
[server]
port = 0
max_body_bytes = 16384
[storage]
{}
[outbox]
backoff_initial_ms = 10
[outbox.platforms.wechatbot]
per_second = 1000
burst = 1000
[adapters.console]
enabled = false
[adapters.wechatbot]
enabled = true
inbound_token = "{}"
api_url = "http://127.0.0.1:{}"
api_token = "{}"
{}
)",
                                              testing::storage_keys(dir.file("bot.sqlite3")), inbound_token,
                                              bridge.port, api_token, extra));
    service = std::make_unique<bot::app>(cfg, io, clock);
    port = service->start(false);
  }

  bot::http_reply post(const form_body& form, const std::string& token = inbound_token) {
    bot::http_call c;
    c.url = fmt::format("http://127.0.0.1:{}/wechatbot{}", port, token.empty() ? "" : "?token=" + token);
    c.body = form.body;
    c.headers = {{"Content-Type", form.content_type}};
    std::optional<bot::http_reply> reply;
    client.request(c, [&](bot::http_reply r) { reply = std::move(r); });
    REQUIRE(testing::run_until(io, [&] { return reply.has_value(); }));
    return *reply;
  }
  // A group message (or a private one when `topic` is empty), answered 200.
  void say(const std::string& topic, const std::string& sender, const std::string& text,
           const std::string& alias = "") {
    REQUIRE(post(text_form(topic, sender, text, alias)).status == 200);
  }

  nlohmann::json health() {
    bot::http_call c;
    c.method = "GET";
    c.url = fmt::format("http://127.0.0.1:{}/healthz", port);
    std::optional<bot::http_reply> reply;
    client.request(c, [&](bot::http_reply r) { reply = std::move(r); });
    REQUIRE(testing::run_until(io, [&] { return reply.has_value(); }));
    return nlohmann::json::parse(reply->body);
  }

  std::int64_t count(const std::string& table_and_where) {
    return testing::sql_int(service->state().database, "SELECT count(*) FROM " + table_and_where);
  }
  // Runs until nothing is pending in the outbox and no send is out.
  bool idle() {
    return testing::run_until(io, [&] {
      return count("outbox WHERE state = 'pending'") == 0 && service->state().outbox.in_flight() == 0;
    });
  }

  testing::temp_dir dir;
  boost::asio::io_context io;
  bot::system_clock clock;
  fake_bridge bridge;
  bot::http_client client{io};
  std::unique_ptr<bot::app> service;
  std::uint16_t port = 0;
};

}  // namespace testing::wechatbot
