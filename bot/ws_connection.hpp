// A WebSocket connection the HTTP server accepted on a route (reverse WebSocket clients such as a
// OneBot implementation). Text frames in and out, no Beast types: the server owns the socket.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "bot/http_types.hpp"

namespace bot {

class ws_connection {
 public:
  virtual ~ws_connection() = default;
  // Queues a text frame; frames leave in order, one write in flight. Ignored once closing.
  virtual void send(std::string text) = 0;
  // A normal closure after the frames already queued.
  virtual void close() = 0;
  virtual bool is_open() const = 0;
  virtual const std::string& remote() const = 0;

  // Set by the route's accept callback before the first frame is read. Both run on the event loop.
  std::function<void(const std::string&)> on_message;
  std::function<void()> on_close;  // exactly once, however the connection ended
};

// What a WebSocket route answers to an upgrade request: accept (with the callback that gets the
// open connection) or refuse with an ordinary HTTP response.
struct ws_answer {
  std::function<void(std::shared_ptr<ws_connection>)> accept;  // empty: refuse
  http_response refusal;
  // The Sec-WebSocket-Protocol the handshake answers with (one the client offered); empty: none.
  // Clients that offer one may drop a connection whose answer names none (OneBot 12's "12.<impl>").
  std::string subprotocol = {};

  static ws_answer refuse(http_response r) { return {{}, std::move(r)}; }
};

}  // namespace bot
