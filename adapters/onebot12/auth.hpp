// Who may talk to estatebot as a OneBot 12 implementation: the access token of
// [adapters.onebot12], as `Authorization: Bearer <t>` or `?access_token=<t>`, on every HTTP Webhook
// event and every reverse-WebSocket connection. Pure functions of the request.
#pragma once
#include <optional>
#include <string>

#include "bot/http_types.hpp"

namespace adapters::onebot12 {

// 401 without the token or with another one; nullopt when it matches (compared in constant time).
std::optional<bot::http_response> refuse_unauthenticated(const bot::http_request& req,
                                                         const std::string& access_token);

// The subprotocol to answer a reverse-WebSocket handshake with: the first "12.<impl>" the
// implementation offered in Sec-WebSocket-Protocol (ComWeChatBotClient offers "12.ComWeChat"; a
// client that offers one may drop a handshake answered without it). Empty when none was offered.
std::string chosen_subprotocol(const bot::http_request& req);

}  // namespace adapters::onebot12
