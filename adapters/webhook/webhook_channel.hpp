// The generic webhook adapter as the service runs it: its POST route delivers what
// webhook_adapter parses, and deliveries go to the bridge's outbound URL over the HTTP client.
#pragma once
#include "adapters/adapter.hpp"
#include "adapters/webhook/webhook_adapter.hpp"
#include "bot/http_client.hpp"

namespace adapters::webhook {

class webhook_channel final : public adapter {
 public:
  webhook_channel(bot::webhook_config cfg, bot::http_client& client, int timeout_ms)
      : codec_(std::move(cfg)), client_(client), timeout_ms_(timeout_ms) {}
  std::string_view platform() const override { return webhook::platform; }
  void send(const bot::delivery& d, std::function<void(bot::send_result)> done) override;
  void attach(adapter_host host) override;
  nlohmann::json health() const override;

 private:
  webhook_adapter codec_;
  bot::http_client& client_;
  int timeout_ms_;
};

}  // namespace adapters::webhook
