// The platform side of the generic webhook for tests against the real binary: signed requests to
// the bot and the JSON of one chat message as a bridge posts it.
#pragma once
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "bot/crypto.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "support/loop.hpp"
#include "support/loopback_server.hpp"

namespace testing {

// A request to the bot on 127.0.0.1:`port`, with the body signed by `secret` as bridges sign it.
inline bot::http_reply signed_call(boost::asio::io_context& io, bot::http_client& client, std::uint16_t port,
                                   const std::string& secret, const std::string& method,
                                   const std::string& path, const std::string& body = {}) {
  bot::http_call c;
  c.method = method;
  c.url = "http://127.0.0.1:" + std::to_string(port) + path;
  c.body = body;
  c.headers.emplace_back("Content-Type", "application/json");
  if (!body.empty())
    c.headers.emplace_back("X-Signature", "sha256=" + bot::crypto::hmac_sha256_hex(secret, body));
  std::optional<bot::http_reply> reply;
  client.request(c, [&](bot::http_reply r) { reply = std::move(r); });
  REQUIRE(run_until(io, [&] { return reply.has_value(); }));
  return *reply;
}

// One message as a WeChat bridge posts it to /webhook/generic.
inline std::string webhook_message(const std::string& id, const std::string& chat_type,
                                   const std::string& chat_id, const std::string& sender,
                                   const std::string& text) {
  return nlohmann::json{{"platform", "wechat"},
                        {"message_id", id},
                        {"chat", {{"type", chat_type}, {"id", chat_id}, {"name", chat_id}}},
                        {"sender", {{"id", sender}, {"name", sender}}},
                        {"text", text}}
      .dump();
}

// A bridge that takes every outbound message at once and keeps the bodies.
struct answering_bridge {
  explicit answering_bridge(boost::asio::io_context& io) : server(io, testing::loopback_server()) {
    server.route("POST", "/bridge", [this](const bot::http_request& req) {
      bodies.push_back(req.body);
      return bot::http_response{
          200, "application/json", R"({"message_id":"m-)" + std::to_string(bodies.size()) + "\"}", {}};
    });
    port = server.start();
  }
  bot::http_server server;
  std::uint16_t port = 0;
  std::vector<std::string> bodies;
};

}  // namespace testing
