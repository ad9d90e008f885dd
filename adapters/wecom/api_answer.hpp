// How WeCom's and WeChat's APIs answer: {"errcode": 0, "errmsg": "ok", …}, always read by errcode,
// never by errmsg (doc 90455). Turned into the outbox's outcome for one send.
#pragma once
#include <string_view>

#include "bot/channel.hpp"
#include "bot/http_types.hpp"

namespace adapters::wecom {

// The access token expired or is not (any longer) valid: fetch a new one and try once more.
bool token_refused(long errcode);

// errcode 0 → sent; over a frequency limit (45009 …) or busy (-1) → retry, 45009 after a minute;
// a bad token or IP not trusted → retry (the operator fixes the config); beyond the Official
// Account's 48-hour window (45015) or its 20-message quota (45047) → failed with that reason; other
// codes → failed. No answer → unreachable when nothing was sent, else uncertain.
bot::send_result read_api_answer(const bot::http_reply& reply);

// The errcode of an answer; nullopt when the body is not an object with an integer errcode.
std::optional<long> errcode_of(const bot::http_reply& reply);

}  // namespace adapters::wecom
