// The HTTP server platforms post their webhooks to. Transport only: it reads a request within the
// body limit and time limit, finds the route, calls its handler, writes the answer. 404 for an
// unknown path, 405 for a wrong method, 413 for an oversize body, 411 for a POST without
// Content-Length, 400 for malformed HTTP, 500 when a handler throws. Handlers run on the event
// loop thread.
// Floods: all of that but the handler is decided from the headers, before the body is read (a
// route may add its own header check, e.g. that a signature header is there); bodies waiting for
// their route are bounded together by max_buffered_bytes (503 beyond it), connections by
// max_connections; accept errors (out of descriptors) back off instead of spinning.
// WebSocket routes take upgrade requests (reverse WebSocket clients): the handler sees the
// handshake request and accepts or refuses; frames are limited to max_body_bytes.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "bot/config.hpp"
#include "bot/http_types.hpp"
#include "bot/ws_connection.hpp"

namespace boost::asio {
class io_context;
}

namespace bot {

class http_server {
 public:
  using handler = std::function<http_response(const http_request&)>;
  // Answers later: `respond` may be called after the handler returned (on the event loop, once).
  // A fake platform in tests holds answers this way; a response never given ends with stop().
  using async_handler = std::function<void(const http_request&, std::function<void(http_response)> respond)>;
  using ws_handler = std::function<ws_answer(const http_request&)>;
  // Sees the request line and headers (no body yet); a response refuses the request unread.
  using header_check = std::function<std::optional<http_response>(const http_request&)>;

  http_server(boost::asio::io_context& io, const server_config& cfg);
  ~http_server();
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  void route(const std::string& method, const std::string& path, handler h, header_check check = {});
  void route_async(const std::string& method, const std::string& path, async_handler h);
  // Upgrade requests to `path` go here; other requests to the same path still reach route().
  void websocket_route(const std::string& path, ws_handler h);
  // Told how long each answered request took, from its headers to the written answer (/metrics);
  // refusals from the headers included, not requests whose headers never arrived.
  void on_answered(std::function<void(double seconds)> f);
  // Group commit (bot/group_commit): `gate` is asked before each handler runs and gives a waiter;
  // after the handler, the answer is written only once the waiter calls back that what the handler
  // wrote is committed; `false` (a commit since the handler began failed) turns it into 500.
  using commit_waiter = std::function<void(std::function<void(bool committed)>)>;
  using commit_gate = std::function<commit_waiter()>;
  void hold_answers_until(commit_gate gate);
  std::uint16_t start();  // binds and listens; returns the bound port (useful with port 0)
  void stop();            // stops accepting, closes idle connections and WebSockets

  struct impl;

 private:
  std::shared_ptr<impl> impl_;
};

}  // namespace bot
