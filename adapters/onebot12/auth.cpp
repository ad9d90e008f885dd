#include "adapters/onebot12/auth.hpp"

#include "bot/access_token.hpp"
#include "bot/crypto.hpp"
#include "bot/log.hpp"
#include "bot/utf8.hpp"

namespace adapters::onebot12 {

std::optional<bot::http_response> refuse_unauthenticated(const bot::http_request& req,
                                                         const std::string& access_token) {
  auto token = bot::presented_token(req);
  std::string_view why;
  if (access_token.empty())
    why = "adapters.onebot12.access_token is not set";
  else if (!token || token->empty())
    why = "access token required (Authorization: Bearer <token>)";
  else if (!bot::crypto::constant_time_equal(*token, access_token))
    why = "wrong access token";
  else
    return std::nullopt;
  bot::log::warn("onebot12", "{} {} refused (401): {}", req.remote, req.path, why);
  return bot::json_error(401, why);
}

std::string chosen_subprotocol(const bot::http_request& req) {
  const std::string header = req.header("sec-websocket-protocol");
  std::string_view offered = header;
  while (!offered.empty()) {
    const std::size_t comma = offered.find(',');
    std::string_view one = bot::utf8::trim(offered.substr(0, comma));
    if (one.starts_with("12.") && one.size() <= 64) return std::string(one);
    offered.remove_prefix(comma == std::string_view::npos ? offered.size() : comma + 1);
  }
  return {};
}

}  // namespace adapters::onebot12
