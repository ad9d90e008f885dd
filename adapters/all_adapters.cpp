#include "adapters/all_adapters.hpp"

#include "adapters/console/console_channel.hpp"
#include "adapters/onebot/onebot_channel.hpp"
#include "adapters/onebot/onebot_service.hpp"
#include "adapters/webhook/webhook_adapter.hpp"
#include "adapters/webhook/webhook_channel.hpp"

namespace adapters {

adapter_set make_adapters(const bot::config& cfg, adapter_env env) {
  adapter_set set;
  if (cfg.console.enabled) set.channels.push_back(std::make_unique<console::console_channel>(env.console_print));
  if (cfg.webhook.enabled) {
    auto adapter = std::make_unique<webhook::webhook_adapter>(cfg.webhook);
    set.channels.push_back(std::make_unique<webhook::webhook_channel>(*adapter, env.http, cfg.outbox.send_timeout_ms));
    set.http.push_back(std::move(adapter));
  }
  if (cfg.onebot.enabled) {
    auto service = std::make_unique<onebot::onebot_service>(cfg.onebot, env.io, env.http, env.clk,
                                                            cfg.outbox.send_timeout_ms);
    set.channels.push_back(std::make_unique<onebot::onebot_channel>(*service, cfg.onebot, env.clk));
    set.services.push_back(std::move(service));
  }
  return set;
}

}  // namespace adapters
