// A WebSocket the HTTP server accepted on a route (reverse WebSocket clients). The server reads
// the upgrade request, asks the route, then hands over the socket's descriptor; the session
// completes the handshake, reads frames until the connection ends and writes queued frames one
// at a time. Its own file so that Beast's WebSocket stays out of the request path's file and out
// of every header.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>

#include "bot/http_types.hpp"
#include "bot/ws_connection.hpp"

namespace boost::asio {
class io_context;
}

namespace bot {

struct ws_start {
  int descriptor = -1;  // a connected TCP socket, owned by the session from now on
  bool ipv6 = false;
  http_request handshake;  // the upgrade request as read (no body)
  std::size_t max_message = 0;
  std::function<void(std::shared_ptr<ws_connection>)> accept;  // once the handshake succeeded
  std::string subprotocol;      // answered in Sec-WebSocket-Protocol; empty: none
  std::function<void()> ended;  // once, when the connection is over (also after a failed handshake)
};

std::shared_ptr<ws_connection> start_websocket(boost::asio::io_context& io, ws_start start);

}  // namespace bot
