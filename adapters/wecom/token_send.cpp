#include "adapters/wecom/token_send.hpp"

#include <memory>

#include "adapters/wecom/api_answer.hpp"
#include "adapters/wecom/robot_send.hpp"
#include "adapters/wecom/send_parts.hpp"
#include "bot/utf8.hpp"

namespace adapters::wecom {

void send_text(token_send how, const bot::delivery& d, std::function<void(bot::send_result)> done) {
  auto pieces = std::make_shared<std::vector<std::string>>(bot::utf8::split_bytes(d.body.text, text_bytes));
  auto shared = std::make_shared<token_send>(std::move(how));
  auto job = std::make_shared<parts_job>();
  job->count = pieces->size();
  job->next = parts_done(d.progress);
  job->send_one = [pieces, shared](std::size_t i, std::function<void(bot::send_result)> sent) {
    call_with_token(
        shared->http, shared->token,
        [pieces, shared, i](const std::string& token) {
          bot::http_call c;
          c.url = shared->url + "?access_token=" + bot::percent_encode(token);
          c.headers = {{"Content-Type", "application/json"}};
          c.body = shared->body((*pieces)[i]);
          c.timeout_ms = shared->timeout_ms;
          return c;
        },
        [sent = std::move(sent)](bot::http_reply reply) { sent(read_api_answer(reply)); });
  };
  job->keep_progress = shared->keep_progress;
  job->done = std::move(done);
  send_parts(job);
}

}  // namespace adapters::wecom
