#include "bot/health_access.hpp"

#include "bot/crypto.hpp"

namespace bot {

bool is_loopback_peer(std::string_view remote) {
  const std::size_t port = remote.rfind(':');
  if (port == std::string_view::npos) return false;
  std::string_view address = remote.substr(0, port);
  if (address.rfind("::ffff:", 0) == 0) address.remove_prefix(7);  // IPv4 mapped into IPv6
  return address.rfind("127.", 0) == 0 || address == "::1";
}

bool sees_health_details(const http_request& req, const std::string& token) {
  // A reverse proxy on this machine connects from loopback for everyone: what it forwards is not local.
  const bool proxied =
      req.has_header("forwarded") || req.has_header("x-forwarded-for") || req.has_header("x-real-ip");
  if (is_loopback_peer(req.remote) && !proxied) return true;
  if (token.empty()) return false;
  constexpr std::string_view scheme = "Bearer ";
  const std::string given = req.header("authorization");
  return given.rfind(scheme, 0) == 0 && crypto::constant_time_equal(given.substr(scheme.size()), token);
}

}  // namespace bot
