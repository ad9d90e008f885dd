// bot::http_client keeps plain HTTP connections alive: calls to one API reuse a connection, and a
// connection the server has closed meanwhile is never used for the next call.
#include <utility>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <catch2/catch.hpp>

#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "support/loop.hpp"

namespace http_keepalive_test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

std::optional<bot::http_reply> call(boost::asio::io_context& io, bot::http_client& client, std::uint16_t port) {
  std::optional<bot::http_reply> out;
  bot::http_call c;
  c.url = "http://127.0.0.1:" + std::to_string(port) + "/send_group_msg";
  c.body = "{}";
  client.request(c, [&out](bot::http_reply r) { out = std::move(r); });
  REQUIRE(testing::run_until(io, [&] { return out.has_value(); }));
  return out;
}

TEST_CASE("calls to one API reuse a kept-alive connection", "[loopback][http]") {
  boost::asio::io_context io;
  bot::server_config cfg;
  cfg.port = 0;
  bot::http_server server(io, cfg);
  std::vector<std::string> from;  // the caller's address and port, per request
  server.route("POST", "/send_group_msg", [&](const bot::http_request& req) {
    from.push_back(req.remote);
    return bot::http_response{200, "application/json", R"({"retcode":0})", {}};
  });
  const auto port = server.start();
  bot::http_client client(io);
  for (int i = 0; i < 3; ++i) CHECK(call(io, client, port)->status == 200);
  REQUIRE(from.size() == 3);
  CHECK(from[1] == from[0]);
  CHECK(from[2] == from[0]);
  server.stop();
}

// A server that answers each request on a connection and then closes it, although the answer did
// not say so (as a server whose idle timeout struck just after answering).
struct closing_server {
  explicit closing_server(net::io_context& io) : acceptor(io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)) {
    net::co_spawn(io, serve(), net::detached);
  }
  net::awaitable<void> serve() {
    for (;;) {
      beast::error_code ec;
      auto socket = co_await acceptor.async_accept(net::redirect_error(net::use_awaitable, ec));
      if (ec) co_return;
      ++connections;
      beast::tcp_stream stream(std::move(socket));
      beast::flat_buffer buffer;
      http::request<http::string_body> req;
      co_await http::async_read(stream, buffer, req, net::redirect_error(net::use_awaitable, ec));
      if (ec) continue;
      http::response<http::string_body> res{http::status::ok, 11};
      res.keep_alive(true);
      res.body() = R"({"retcode":0})";
      res.prepare_payload();
      co_await http::async_write(stream, res, net::redirect_error(net::use_awaitable, ec));
      stream.socket().close(ec);
      ++closed;
    }
  }
  tcp::acceptor acceptor;
  int connections = 0, closed = 0;
};

TEST_CASE("a connection the server closed is not reused for the next call", "[loopback][http]") {
  boost::asio::io_context io;
  closing_server server(io);
  bot::http_client client(io);
  const auto port = server.acceptor.local_endpoint().port();
  CHECK(call(io, client, port)->status == 200);
  REQUIRE(testing::run_until(io, [&] { return server.closed == 1; }));
  auto second = call(io, client, port);
  CHECK(second->status == 200);  // not a failed send on the dead connection
  CHECK(second->error.empty());
  CHECK(server.connections == 2);
  server.acceptor.close();
}

}  // namespace http_keepalive_test
