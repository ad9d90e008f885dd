// What an adapter that platforms reach over HTTP provides: its routes and a pure translation of a
// request into an HTTP answer plus normalized events. No sockets and no SQLite in here, so every
// adapter is tested from fixture files.
// Adapters that keep state of their own (WebSocket connections, per-account health) are services:
// they attach their routes to the server themselves and report their health for GET /healthz.
#pragma once
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/http_types.hpp"
#include "bot/message.hpp"

namespace bot {
class http_server;
}

namespace adapters {

struct inbound_result {
  bot::http_response response;
  std::vector<bot::inbound_event> events;
};

struct route {
  std::string method;
  std::string path;
  // What can be refused from the headers alone (a missing signature header), so the server
  // answers before reading the body; empty: nothing.
  std::function<std::optional<bot::http_response>(const bot::http_request&)> check_headers;
};

class http_adapter {
 public:
  virtual ~http_adapter() = default;
  virtual std::string_view name() const = 0;
  virtual std::vector<route> routes() const = 0;
  virtual inbound_result parse_inbound(const bot::http_request& req) const = 0;
};

// What the running app lends a service.
struct service_host {
  bot::http_server& server;
  std::function<void(const bot::inbound_event&)> deliver;  // into the dispatcher; committed on return
  std::function<void()> wake_outbox;                       // rows that waited for a link may go now
};

class service {
 public:
  virtual ~service() = default;
  virtual std::string_view name() const = 0;
  virtual void attach(service_host host) = 0;  // registers routes; called once, before the server starts
  virtual nlohmann::json health() const = 0;   // shown under "adapters" in GET /healthz
};

}  // namespace adapters
