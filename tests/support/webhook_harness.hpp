// The service on 127.0.0.1 port 0 with the generic webhook enabled, a real HTTP client posting
// signed messages to it, and a fake bridge on loopback receiving its signed replies.
#pragma once
#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bot/app.hpp"
#include "bot/clock.hpp"
#include "bot/core.hpp"
#include "bot/crypto.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "storage/stores.hpp"
#include "support/loop.hpp"
#include "support/loopback_server.hpp"
#include "support/scratch_db.hpp"
#include "support/temp_dir.hpp"

namespace testing::webhook {

inline constexpr const char* secret = "loopback-secret";

struct received {
  std::string body;
  std::string signature;
  std::string delivery;
};

inline std::string message_body(const std::string& id, const std::string& text) {
  return nlohmann::json{{"platform", "wechat"},
                        {"message_id", id},
                        {"chat", {{"type", "group"}, {"id", "3dong@chatroom"}, {"name", "3栋业主群"}}},
                        {"sender", {{"id", "wxid_wang"}, {"name", "王阿姨"}}},
                        {"text", text}}
      .dump();
}

struct harness {
  // `server_extra`: more lines for [server]; `extra`: more tables after the webhook's.
  explicit harness(const std::string& server_extra = {}, const std::string& extra = {})
      : bridge(io, testing::loopback_server()) {
    bridge.route("POST", "/bridge", [this](const bot::http_request& req) {
      inbox.push_back({req.body, req.header("x-signature"), req.header("x-estatebot-delivery")});
      if (fail_next > 0) {
        --fail_next;
        return bot::http_response{503, "application/json", R"({"error":"busy"})", {}};
      }
      return bot::http_response{
          200, "application/json", R"({"message_id":"bridge-)" + std::to_string(inbox.size()) + "\"}", {}};
    });
    std::uint16_t bridge_port = bridge.start();
    auto cfg = bot::config::parse(fmt::format(R"(
[server]
port = 0
max_body_bytes = 4096
{}
[storage]
{}
[outbox]
backoff_initial_ms = 10
[adapters.console]
enabled = false
[adapters.webhook]
enabled = true
secret = "{}"
outbound_url = "http://127.0.0.1:{}/bridge"
{}
)",
                                              server_extra, testing::storage_keys(dir.file("bot.sqlite3")),
                                              secret, bridge_port, extra));
    service = std::make_unique<bot::app>(cfg, io, clock);
    port = service->start(false);
  }

  bot::http_reply call(const std::string& method, const std::string& path, const std::string& body,
                       const std::string& signature = "auto", const bot::header_list& headers = {}) {
    bot::http_call c;
    c.method = method;
    c.url = fmt::format("http://127.0.0.1:{}{}", port, path);
    c.body = body;
    c.headers.emplace_back("Content-Type", "application/json");
    c.headers.insert(c.headers.end(), headers.begin(), headers.end());
    if (signature == "auto")
      c.headers.emplace_back("X-Signature", "sha256=" + bot::crypto::hmac_sha256_hex(secret, body));
    else if (!signature.empty())
      c.headers.emplace_back("X-Signature", signature);
    std::optional<bot::http_reply> reply;
    client.request(c, [&](bot::http_reply r) { reply = std::move(r); });
    REQUIRE(run_until(io, [&] { return reply.has_value(); }));
    return *reply;
  }

  std::int64_t count(const char* table) {
    return testing::sql_int(service->state().database, std::string("SELECT count(*) FROM ") + table);
  }

  testing::temp_dir dir;
  boost::asio::io_context io;
  bot::system_clock clock;
  bot::http_server bridge;
  bot::http_client client{io};
  std::unique_ptr<bot::app> service;
  std::uint16_t port = 0;
  std::vector<received> inbox;
  int fail_next = 0;
};

}  // namespace testing::webhook
