// What an adapter that platforms reach over HTTP provides: its routes and a pure translation of a
// request into an HTTP answer plus normalized events. No sockets and no SQLite in here, so every
// adapter is tested from fixture files.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "bot/http_types.hpp"
#include "bot/message.hpp"

namespace adapters {

struct inbound_result {
  bot::http_response response;
  std::vector<bot::inbound_event> events;
};

struct route {
  std::string method;
  std::string path;
};

class http_adapter {
 public:
  virtual ~http_adapter() = default;
  virtual std::string_view name() const = 0;
  virtual std::vector<route> routes() const = 0;
  virtual inbound_result parse_inbound(const bot::http_request& req) const = 0;
};

}  // namespace adapters
