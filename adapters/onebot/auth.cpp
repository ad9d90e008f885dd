#include "adapters/onebot/auth.hpp"

#include "adapters/onebot/ids.hpp"
#include "bot/access_token.hpp"
#include "bot/crypto.hpp"
#include "bot/log.hpp"
#include "bot/utf8.hpp"

namespace adapters::onebot {
namespace {

bot::http_response refuse(int status, std::string_view why) {
  bot::log::warn("onebot", "refused ({}): {}", status, why);
  return bot::json_error(status, why);
}

bool digits(const std::string& s) {
  return is_number_text(s) && s.front() != '-';
}

}  // namespace

std::string_view role_name(ws_role r) {
  switch (r) {
    case ws_role::api:
      return "API";
    case ws_role::event:
      return "Event";
    default:
      return "Universal";
  }
}

std::optional<bot::http_response> refuse_post_headers(const bot::http_request& req, const auth_rules& rules) {
  if (!digits(std::string(bot::utf8::trim(req.header("x-self-id")))))
    return refuse(400, "X-Self-ID: required (the bot's QQ number)");
  if (rules.secret.empty())
    return refuse(401, "events over HTTP POST need adapters.onebot.secret (the client's signing secret)");
  if (bot::utf8::trim(req.header("x-signature")).empty()) return refuse(401, "X-Signature: required");
  return std::nullopt;
}

post_admission admit_post(const bot::http_request& req, const auth_rules& rules) {
  post_admission a;
  if ((a.refusal = refuse_post_headers(req, rules))) return a;
  a.self_id = std::string(bot::utf8::trim(req.header("x-self-id")));
  std::string sig = bot::utf8::to_lower_ascii(bot::utf8::trim(req.header("x-signature")));
  constexpr std::string_view scheme = "sha1=";
  std::string expected = bot::crypto::hmac_sha1_hex(rules.secret, req.body);
  if (sig.rfind(scheme, 0) != 0 || !bot::crypto::constant_time_equal(sig.substr(scheme.size()), expected)) {
    a.refusal = refuse(403, "X-Signature does not match");
    return a;
  }
  if (!rules.self_ids.empty() && !rules.self_ids.contains(a.self_id)) {
    a.refusal = refuse(403, "this QQ account is not in adapters.onebot.self_ids");
    return a;
  }
  return a;
}

ws_admission admit_ws(const bot::http_request& req, const auth_rules& rules) {
  ws_admission a;
  if (rules.access_token.empty()) {
    a.refusal = refuse(401, "the reverse WebSocket needs adapters.onebot.access_token");
    return a;
  }
  auto token = bot::presented_token(req);
  if (!token || token->empty()) {
    a.refusal = refuse(401, "access token required (Authorization: Bearer <token>)");
    return a;
  }
  if (!bot::crypto::constant_time_equal(*token, rules.access_token)) {
    a.refusal = refuse(403, "wrong access token");
    return a;
  }
  a.self_id = std::string(bot::utf8::trim(req.header("x-self-id")));
  if (!digits(a.self_id)) {
    a.refusal = refuse(400, "X-Self-ID: required (the bot's QQ number)");
    return a;
  }
  if (!rules.self_ids.empty() && !rules.self_ids.contains(a.self_id)) {
    a.refusal = refuse(403, "this QQ account is not in adapters.onebot.self_ids");
    return a;
  }
  std::string role = bot::utf8::to_lower_ascii(bot::utf8::trim(req.header("x-client-role")));
  if (role.empty() || role == "universal")
    a.role = ws_role::universal;
  else if (role == "api")
    a.role = ws_role::api;
  else if (role == "event")
    a.role = ws_role::event;
  else
    a.refusal = refuse(400, "X-Client-Role must be Universal, API or Event");
  return a;
}

}  // namespace adapters::onebot
