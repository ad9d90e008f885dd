#include "bot/http_routes.hpp"

#include "bot/log.hpp"

namespace bot {

bool body_hold::take(std::size_t bytes) {
  if (!budget_.reserve(bytes)) return false;
  held_ += bytes;
  return true;
}

void body_hold::release() {
  budget_.release(held_);
  held_ = 0;
}

const route_entry* http_routes::find(const http_request& req, http_response& refusal) const {
  auto path = http.find(req.path);
  if (path == http.end() && websocket.contains(req.path)) {
    refusal = json_error(426, "WebSocket upgrade required");
    return nullptr;
  }
  if (path == http.end()) {
    refusal = json_error(404, "no such path");
    return nullptr;
  }
  auto entry = path->second.find(req.method);
  if (entry != path->second.end()) return &entry->second;
  refusal = json_error(405, "method not allowed");
  std::string allow;
  for (const auto& [m, r] : path->second) allow += (allow.empty() ? "" : ", ") + m;
  refusal.headers.emplace_back("Allow", allow);
  return nullptr;
}

std::optional<http_response> http_routes::admit(const http_request& req, std::optional<std::uint64_t> length,
                                                const route_entry*& entry, body_hold& hold) {
  if (length && *length > max_body_bytes_) {
    log::warn("http", "{}: body over {} bytes refused", req.remote, max_body_bytes_);
    return json_error(413, "body too large");
  }
  http_response refusal;
  entry = find(req, refusal);
  if (!entry) return refusal;
  // A body of unknown length (chunked) could not be weighed against the budget before reading it.
  if (!length && (req.method == "POST" || req.method == "PUT" || req.method == "PATCH"))
    return json_error(411, "Content-Length required");
  if (entry->check) {
    try {
      if (auto r = entry->check(req)) return r;
    } catch (const std::exception& e) {
      log::error("http", "{} {} failed: {}", req.method, req.path, e.what());
      return json_error(500, "internal error");
    }
  }
  if (length && *length > 0 && !hold.take(*length)) {
    if (auto n = busy_.occurred(std::chrono::steady_clock::now()))
      log::warn("http", "{} request(s) answered 503: bodies waiting for their route reached {} bytes", *n,
                max_buffered_bytes_);
    http_response busy = json_error(503, "too many requests in flight, retry shortly");
    busy.headers.emplace_back("Retry-After", "1");
    return busy;
  }
  return std::nullopt;
}

}  // namespace bot
