// bot::http_server routes that answer later: the answer arrives when given, and a server that
// stops ends a request whose answer never came instead of hanging.
#include <catch2/catch.hpp>

#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "support/loop.hpp"

TEST_CASE("an asynchronous route answers when the handler says so", "[loopback][http]") {
  boost::asio::io_context io;
  bot::server_config cfg;
  cfg.port = 0;
  bot::http_server server(io, cfg);
  std::vector<std::function<void(bot::http_response)>> held;
  server.route_async("POST", "/later",
                     [&](const bot::http_request&, std::function<void(bot::http_response)> respond) {
                       held.push_back(std::move(respond));
                     });
  auto port = server.start();
  bot::http_client client(io);
  auto send = [&](std::optional<bot::http_reply>& out) {
    bot::http_call c;
    c.url = "http://127.0.0.1:" + std::to_string(port) + "/later";
    c.body = "{}";
    client.request(c, [&out](bot::http_reply r) { out = std::move(r); });
  };

  std::optional<bot::http_reply> first;
  send(first);
  REQUIRE(testing::run_until(io, [&] { return held.size() == 1; }));
  CHECK_FALSE(first);
  held[0]({201, "application/json", R"({"late":true})", {}});
  REQUIRE(testing::run_until(io, [&] { return first.has_value(); }));
  CHECK(first->status == 201);
  CHECK(first->body == R"({"late":true})");

  std::optional<bot::http_reply> second;
  send(second);
  REQUIRE(testing::run_until(io, [&] { return held.size() == 2; }));
  server.stop();
  REQUIRE(testing::run_until(io, [&] { return second.has_value(); }));
  CHECK(second->status == 0);  // the connection closed without an answer
}
