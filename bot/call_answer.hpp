// What came back from one call to a platform's API, whichever way it went: as an HTTP request
// (POST <api_url>/...) or as a WebSocket frame matched by its echo (bot::ws_calls). The adapters
// read the body by their protocol's rules (OneBot v11 retcodes, OneBot 12 retcode classes).
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "bot/http_types.hpp"
#include "bot/ws_calls.hpp"

namespace bot {

struct call_answer {
  enum class transport {
    answered,   // the platform's client answered (any status)
    not_sent,   // the request never left: no connection, refused before sending
    no_answer,  // it went out and nothing came back in time: it may have been carried out
  };
  transport how = transport::answered;
  int http_status = 200;  // 200 over a WebSocket
  nlohmann::json body;    // the answer object; null when it was not JSON
  std::string error;      // the transport's error, for logs
};

call_answer from_http(const http_reply& reply);
call_answer from_ws(ws_calls::result r);

}  // namespace bot
