// Who may talk to estatebot as a OneBot client. HTTP POST: X-Self-ID, and X-Signature
// (sha1=<hex HMAC-SHA1(secret, raw body)>) checked over the raw bytes before any parsing. Reverse
// WebSocket: the access token as `Authorization: Bearer <t>`, `Token <t>` (go-cqhttp) or
// `?access_token=<t>`, X-Self-ID and X-Client-Role. Pure functions of the request.
#pragma once
#include <optional>
#include <set>
#include <string>

#include "bot/http_types.hpp"

namespace adapters::onebot {

struct auth_rules {
  std::string secret;                           // HTTP POST signatures; empty: HTTP POST is refused
  std::string access_token;                     // reverse WebSocket; empty: the WebSocket is refused
  std::set<std::string, std::less<>> self_ids;  // empty: any account
};

struct post_admission {
  std::optional<bot::http_response> refusal;  // 400 no X-Self-ID, 401 no signature, 403 wrong one or account
  std::string self_id;
};
post_admission admit_post(const bot::http_request& req, const auth_rules& rules);
// The part of admit_post that needs no body (X-Self-ID, a secret, an X-Signature header): the
// server asks it before reading the body, so an unsigned flood is refused unread.
std::optional<bot::http_response> refuse_post_headers(const bot::http_request& req, const auth_rules& rules);

enum class ws_role { universal, api, event };
std::string_view role_name(ws_role r);

struct ws_admission {
  std::optional<bot::http_response> refusal;  // 401 no token, 403 wrong token or account, 400 bad headers
  std::string self_id;
  ws_role role = ws_role::universal;
};
ws_admission admit_ws(const bot::http_request& req, const auth_rules& rules);

}  // namespace adapters::onebot
