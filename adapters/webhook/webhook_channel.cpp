#include "adapters/webhook/webhook_channel.hpp"

#include <nlohmann/json.hpp>

#include "bot/http_server.hpp"

namespace adapters::webhook {

void webhook_channel::send(const bot::delivery& d, std::function<void(bot::send_result)> done) {
  bot::http_call call = codec_.render_outbound(d);
  call.timeout_ms = timeout_ms_;
  client_.request(std::move(call), [this, done = std::move(done)](bot::http_reply reply) {
    done(codec_.read_send_response(reply));
  });
}

void webhook_channel::attach(adapter_host host) {
  for (const auto& r : codec_.routes())
    host.server.route(
        r.method, r.path,
        [this, deliver = host.deliver](const bot::http_request& req) {
          auto result = codec_.parse_inbound(req);
          for (const auto& e : result.events) deliver(e);
          return result.response;
        },
        r.check_headers);
}

nlohmann::json webhook_channel::health() const {
  return {{"enabled", true}};
}

}  // namespace adapters::webhook
