#include "bot/call_answer.hpp"

#include "bot/json_parse.hpp"

namespace bot {

call_answer from_http(const http_reply& reply) {
  call_answer a;
  if (reply.status == 0) {
    a.how = reply.request_sent ? call_answer::transport::no_answer : call_answer::transport::not_sent;
    a.error = reply.error;
    return a;
  }
  a.http_status = reply.status;
  a.body = parse_untrusted_json(reply.body).value;
  if (a.body.is_discarded()) a.body = nullptr;
  return a;
}

call_answer from_ws(ws_calls::result r) {
  using outcome = ws_calls::result::outcome;
  call_answer a;
  a.how = r.how == outcome::answered   ? call_answer::transport::answered
          : r.how == outcome::not_sent ? call_answer::transport::not_sent
                                       : call_answer::transport::no_answer;
  a.body = std::move(r.frame);
  a.error = std::move(r.error);
  return a;
}

}  // namespace bot
