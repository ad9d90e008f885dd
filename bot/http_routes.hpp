// The server's routes, and everything about a request that is decided from its request line and
// headers before a byte of its body is read: 413 for a declared length over max_body_bytes, 404,
// 405, 426, 411 for a POST without Content-Length, the route's own header check (a missing
// signature: 401), and 503 when the bodies already waiting for their route would exceed
// max_buffered_bytes. No sockets here: the server asks, then reads or refuses.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "bot/body_budget.hpp"
#include "bot/http_server.hpp"
#include "bot/log_throttle.hpp"

namespace bot {

struct route_entry {
  http_server::async_handler handle;
  http_server::header_check check;
};

// Body bytes a request holds in the budget until its handler has seen them.
class body_hold {
 public:
  explicit body_hold(body_budget& budget) : budget_(budget) {}
  ~body_hold() { release(); }
  body_hold(const body_hold&) = delete;
  body_hold& operator=(const body_hold&) = delete;
  bool take(std::size_t bytes);
  void release();

 private:
  body_budget& budget_;
  std::size_t held_ = 0;
};

class http_routes {
 public:
  explicit http_routes(const server_config& cfg)
      : max_body_bytes_(cfg.max_body_bytes),
        max_buffered_bytes_(cfg.max_buffered_bytes),
        budget_(cfg.max_buffered_bytes) {}

  std::map<std::string, std::map<std::string, route_entry>> http;  // path → method → route
  std::map<std::string, http_server::ws_handler> websocket;        // path → upgrade handler

  // The route of a request, or nullptr with the answer: 426, 404, or 405 with Allow.
  const route_entry* find(const http_request& req, http_response& refusal) const;
  // A refusal decided from the headers; else the route in `entry`, the body's bytes held in `hold`.
  std::optional<http_response> admit(const http_request& req, std::optional<std::uint64_t> length,
                                     const route_entry*& entry, body_hold& hold);
  body_budget& budget() { return budget_; }

 private:
  std::size_t max_body_bytes_;
  std::size_t max_buffered_bytes_;
  body_budget budget_;
  log_throttle busy_{std::chrono::seconds(10)};
};

}  // namespace bot
