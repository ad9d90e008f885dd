#include "adapters/all_adapters.hpp"

#include "adapters/console/console_adapter.hpp"
#include "adapters/onebot/onebot_channel.hpp"
#include "adapters/onebot/onebot_service.hpp"
#include "adapters/onebot12/onebot12_channel.hpp"
#include "adapters/webhook/webhook_channel.hpp"
#include "adapters/wechat_mp/mp_channel.hpp"
#include "adapters/wechatbot/wechatbot_channel.hpp"
#include "adapters/wecom/wecom_channel.hpp"

namespace adapters {

adapter_set make_adapters(const bot::config& cfg, adapter_env env) {
  adapter_set set;
  auto add = [&set](bool enabled, std::string_view platform, auto make) {
    if (enabled)
      set.enabled.push_back(make());
    else
      set.disabled.emplace_back(platform);
  };
  add(cfg.console.enabled, console::platform, [&] {
    return std::make_unique<console::console_adapter>(cfg.console, cfg.community.name, env.clk,
                                                      env.console_print);
  });
  add(cfg.webhook.enabled, webhook::platform, [&] {
    return std::make_unique<webhook::webhook_channel>(cfg.webhook, env.http, cfg.outbox.send_timeout_ms);
  });
  add(cfg.onebot.enabled, onebot::platform, [&] {
    onebot::request_rules requests{cfg.onebot.approve_requests, {}};
    for (const auto& id : cfg.roles.admins)
      if (id.rfind("onebot:", 0) == 0) requests.admins.insert(id.substr(7));
    auto service = std::make_unique<onebot::onebot_service>(cfg.onebot, env.io, env.http, env.clk,
                                                            cfg.outbox.send_timeout_ms, requests);
    return std::make_unique<onebot::onebot_channel>(std::move(service), cfg.onebot, env.clk,
                                                    env.keep_progress);
  });
  add(cfg.onebot12.enabled, onebot12::platform, [&] {
    return std::make_unique<onebot12::onebot12_channel>(cfg.onebot12, env.io, env.http, env.clk,
                                                        cfg.outbox.send_timeout_ms);
  });
  add(cfg.wechatbot.enabled, wechatbot::platform, [&] {
    return std::make_unique<wechatbot::wechatbot_channel>(cfg.wechatbot, env.http, env.clk,
                                                          cfg.outbox.send_timeout_ms);
  });
  add(cfg.wecom.enabled, wecom::platform, [&] {
    return std::make_unique<wecom::wecom_channel>(cfg.wecom, env.http, env.clk, cfg.outbox.send_timeout_ms,
                                                  env.keep_progress);
  });
  add(cfg.wechat_mp.enabled, wechat_mp::platform, [&] {
    return std::make_unique<wechat_mp::mp_channel>(cfg.wechat_mp, env.http, env.clk,
                                                   cfg.outbox.send_timeout_ms, env.keep_progress);
  });
  return set;
}

}  // namespace adapters
