#include "adapters/all_adapters.hpp"

#include "adapters/console/console_channel.hpp"
#include "adapters/onebot/onebot_channel.hpp"
#include "adapters/onebot/onebot_service.hpp"
#include "adapters/webhook/webhook_adapter.hpp"
#include "adapters/webhook/webhook_channel.hpp"

namespace adapters {

adapter_set make_adapters(const bot::config& cfg, adapter_env env) {
  adapter_set set;
  if (cfg.console.enabled)
    set.channels.push_back(std::make_unique<console::console_channel>(env.console_print));
  if (cfg.webhook.enabled) {
    auto adapter = std::make_unique<webhook::webhook_adapter>(cfg.webhook);
    set.channels.push_back(
        std::make_unique<webhook::webhook_channel>(*adapter, env.http, cfg.outbox.send_timeout_ms));
    set.http.push_back(std::move(adapter));
  }
  if (cfg.onebot.enabled) {
    onebot::request_rules requests{cfg.onebot.approve_requests, {}};
    for (const auto& id : cfg.roles.admins)
      if (id.rfind("onebot:", 0) == 0) requests.admins.insert(id.substr(7));
    auto service = std::make_unique<onebot::onebot_service>(cfg.onebot, env.io, env.http, env.clk,
                                                            cfg.outbox.send_timeout_ms, requests);
    set.channels.push_back(
        std::make_unique<onebot::onebot_channel>(*service, cfg.onebot, env.clk, env.keep_progress));
    set.services.push_back(std::move(service));
  }
  return set;
}

}  // namespace adapters
