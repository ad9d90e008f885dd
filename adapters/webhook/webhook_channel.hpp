// Sends outbox rows of the generic webhook adapter to the bridge's outbound URL.
#pragma once
#include "adapters/webhook/webhook_adapter.hpp"
#include "bot/channel.hpp"
#include "bot/http_client.hpp"

namespace adapters::webhook {

class webhook_channel final : public bot::channel {
 public:
  webhook_channel(const webhook_adapter& adapter, bot::http_client& client, int timeout_ms)
      : adapter_(adapter), client_(client), timeout_ms_(timeout_ms) {}
  std::string_view platform() const override { return webhook::platform; }
  void send(const storage::outbox_row& row, std::function<void(bot::send_result)> done) override;

 private:
  const webhook_adapter& adapter_;
  bot::http_client& client_;
  int timeout_ms_;
};

}  // namespace adapters::webhook
