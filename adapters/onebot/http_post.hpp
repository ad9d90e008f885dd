// An event POSTed by the client, from the raw request to the HTTP answer and the parsed event:
// 400 without X-Self-ID, 401/403 for signatures, 400 for a body that is not a valid event, else
// 204. estatebot never answers with a quick operation: NapCat only honours `reply` and Lagrange
// none, so every reply goes through the outbox and the API instead.
#pragma once
#include "adapters/onebot/auth.hpp"
#include "adapters/onebot/event_parser.hpp"
#include "bot/http_types.hpp"

namespace adapters::onebot {

struct post_result {
  bot::http_response response;
  event_result event;  // meaningful when the response is 204
};

post_result read_post(const bot::http_request& req, const auth_rules& auth, const event_rules& rules);

}  // namespace adapters::onebot
