#include "adapters/webhook/webhook_channel.hpp"

namespace adapters::webhook {

void webhook_channel::send(const storage::outbox_row& row, std::function<void(bot::send_result)> done) {
  bot::http_call call = adapter_.render_outbound(row);
  call.timeout_ms = timeout_ms_;
  client_.request(std::move(call), [this, done = std::move(done)](bot::http_reply reply) {
    done(adapter_.read_send_response(reply));
  });
}

}  // namespace adapters::webhook
