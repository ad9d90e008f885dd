#include "bot/config_adapters.hpp"

#include <fmt/format.h>

#include "bot/config_reader.hpp"

namespace bot {
namespace {

bool all_digits(const std::string& s) {
  if (s.empty() || s.size() > 20) return false;
  for (char ch : s)
    if (ch < '0' || ch > '9') return false;
  return true;
}

void read_onebot(config_reader a, onebot_config& o) {
  a.read("enabled", o.enabled);
  a.read("path", o.path);
  a.read("ws_path", o.ws_path);
  a.read_secret("onebot", "secret", o.secret);
  a.read_secret("onebot", "access_token", o.access_token);
  a.read("api_url", o.api_url);
  a.read("api_urls", o.api_urls);
  a.read_ids("self_ids", o.self_ids);
  a.read("max_text_chars", o.max_text_chars, 100, 20'000);
  a.read("approve_requests", o.approve_requests);
  a.finish();
  if (!o.enabled) return;
  if (o.secret.empty() && o.access_token.empty())
    throw config_error(
        fmt::format("adapters.onebot.secret or adapters.onebot.access_token: required when the adapter "
                    "is enabled (secret for HTTP POST, access_token for the reverse WebSocket; or set "
                    "{} / {})",
                    secret_env_name("onebot", "secret"), secret_env_name("onebot", "access_token")));
  a.require_path("path", o.path);
  a.require_path("ws_path", o.ws_path);
  if (!o.api_url.empty()) a.require_url("api_url", o.api_url);
  for (const auto& [id, url] : o.api_urls) {
    if (!all_digits(id))
      throw config_error(fmt::format("adapters.onebot.api_urls.{}: the key must be a QQ number", id));
    a.require_url("api_urls." + id, url);
  }
  for (const auto& id : o.self_ids)
    if (!all_digits(id))
      throw config_error(fmt::format("adapters.onebot.self_ids: \"{}\" is not a QQ number", id));
}

void read_console(config_reader a, console_config& c) {
  a.read("enabled", c.enabled);
  a.read("user_id", c.user_id);
  a.read("user_name", c.user_name);
  a.finish();
}

void read_webhook(config_reader a, webhook_config& w) {
  a.read("enabled", w.enabled);
  a.read("path", w.path);
  a.read_secret("webhook", "secret", w.secret);
  a.read("outbound_url", w.outbound_url);
  a.finish();
  if (!w.enabled) return;
  if (w.secret.empty())
    throw config_error(
        fmt::format("adapters.webhook.secret: required when the adapter is enabled (or set {})",
                    secret_env_name("webhook", "secret")));
  if (w.outbound_url.empty()) throw config_error("adapters.webhook.outbound_url: required when enabled");
  a.require_url("outbound_url", w.outbound_url);
  a.require_path("path", w.path);
}

// "wechat:wxid_abc": a OneBot 12 bot account, the platform as in `self.platform`, then its user id.
bool account_name(const std::string& s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 32 || colon + 1 == s.size()) return false;
  for (std::size_t i = 0; i < colon; ++i)
    if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-' ||
          s[i] == '.'))
      return false;
  return true;
}

void read_onebot12(config_reader a, onebot12_config& o) {
  a.read("enabled", o.enabled);
  a.read("path", o.path);
  a.read("ws_path", o.ws_path);
  a.read_secret("onebot12", "access_token", o.access_token);
  a.read("api_url", o.api_url);
  a.read("self_ids", o.self_ids);
  a.finish();
  if (!o.enabled) return;
  if (o.access_token.empty())
    throw config_error(fmt::format("{}: required when the adapter is enabled (or set {})",
                                   a.key_path("access_token"), secret_env_name("onebot12", "access_token")));
  a.require_path("path", o.path);
  a.require_path("ws_path", o.ws_path);
  if (o.path == o.ws_path) throw config_error(a.key_path("ws_path") + ": must differ from path");
  if (!o.api_url.empty()) a.require_url("api_url", o.api_url);
  for (const auto& id : o.self_ids)
    if (!account_name(id))
      throw config_error(fmt::format("{}: \"{}\" must look like \"wechat:wxid_…\" (platform:user_id)",
                                     a.key_path("self_ids"), id));
}

void read_wechatbot(config_reader a, wechatbot_config& w) {
  a.read("enabled", w.enabled);
  a.read("path", w.path);
  a.read_secret("wechatbot", "inbound_token", w.inbound_token);
  a.read("api_url", w.api_url);
  a.read_secret("wechatbot", "api_token", w.api_token);
  a.finish();
  if (!w.enabled) return;
  for (auto [key, value] : {std::pair{"inbound_token", &w.inbound_token}, {"api_token", &w.api_token}})
    if (value->empty())
      throw config_error(
          fmt::format("adapters.wechatbot.{}: required when the adapter is enabled (or set {})", key,
                      secret_env_name("wechatbot", key)));
  if (w.api_url.empty()) throw config_error("adapters.wechatbot.api_url: required when enabled");
  a.require_url("api_url", w.api_url);
  a.require_path("path", w.path);
}

// 43 characters of [A-Za-z0-9]: Base64 of the 32-byte AES key without its "=" (§1.1).
void require_aes_key(const config_reader& a, const std::string& key) {
  bool ok = key.size() == 43;
  for (char ch : key)
    ok = ok && ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'));
  if (!ok)
    throw config_error(a.key_path("encoding_aes_key") +
                       ": must be the 43 letters and digits of the EncodingAESKey the console shows");
}

void require_secrets(const config_reader& a, std::string_view adapter,
                     std::initializer_list<std::pair<const char*, const std::string*>> keys) {
  for (auto [key, value] : keys)
    if (value->empty())
      throw config_error(fmt::format("{}: required when the adapter is enabled (or set {})", a.key_path(key),
                                     secret_env_name(adapter, key)));
}

void read_wecom_robots(config_reader a, const std::string& community,
                       std::map<std::string, wecom_robot>& out) {
  for (const auto& name : a.table_keys()) {
    config_reader t = a.table(name);
    wecom_robot r;
    r.community = community;
    t.read_secret("wecom_robots_" + name, "key", r.key);
    t.read("community", r.community);
    std::string building;
    t.read("building", building);
    if (!building.empty()) r.building = building;
    t.read("purpose", r.purpose);
    t.read("chat_id", r.chat_id);
    t.finish();
    if (r.key.empty())
      throw config_error(t.key_path("key") + ": required (the key= of the robot's webhook URL)");
    if (r.purpose != "staff" && r.purpose != "managers" && r.purpose != "owners")
      throw config_error(t.key_path("purpose") + ": staff, managers or owners");
    if (name.empty() || name.size() > 64) throw config_error(a.key_path(name) + ": a name of 1 to 64 bytes");
    out.emplace(name, std::move(r));
  }
  a.finish();
}

void read_customer_groups(config_reader a, const std::string& community,
                          std::map<std::string, wecom_customer_group>& out) {
  for (const auto& name : a.table_keys()) {
    config_reader t = a.table(name);
    wecom_customer_group g;
    g.community = community;
    t.read("chat_id", g.chat_id);
    t.read("sender", g.sender);
    t.read("community", g.community);
    std::string building;
    t.read("building", building);
    if (!building.empty()) g.building = building;
    t.finish();
    if (g.chat_id.empty())
      throw config_error(t.key_path("chat_id") + ": required (the customer group's chat id)");
    if (g.sender.empty())
      throw config_error(t.key_path("sender") +
                         ": required (the UserID of the staff member who owns the group)");
    if (name.empty() || name.size() > 64) throw config_error(a.key_path(name) + ": a name of 1 to 64 bytes");
    out.emplace(name, std::move(g));
  }
  a.finish();
}

void read_smart_robot(config_reader a, wecom_smart_robot& r) {
  a.read("path", r.path);
  a.read_secret("wecom_smart_robot", "token", r.token);
  a.read_secret("wecom_smart_robot", "encoding_aes_key", r.encoding_aes_key);
  a.finish();
  if (r.token.empty() && r.encoding_aes_key.empty()) return;
  require_secrets(a, "wecom_smart_robot", {{"token", &r.token}, {"encoding_aes_key", &r.encoding_aes_key}});
  require_aes_key(a, r.encoding_aes_key);
  a.require_path("path", r.path);
}

void read_wecom(config_reader a, wecom_config& w, const std::string& community) {
  a.read("enabled", w.enabled);
  a.read("path", w.path);
  a.read("corp_id", w.corp_id);
  a.read_id("agent_id", w.agent_id);
  a.read_secret("wecom", "token", w.token);
  a.read_secret("wecom", "encoding_aes_key", w.encoding_aes_key);
  a.read_secret("wecom", "secret", w.secret);
  a.read("api_base", w.api_base);
  a.read("timestamp_window_s", w.timestamp_window_s, 10, 86'400);
  read_wecom_robots(a.table("robots"), community, w.robots);
  read_smart_robot(a.table("smart_robot"), w.smart_robot);
  read_customer_groups(a.table("customer_groups"), community, w.customer_groups);
  a.read("confirm_poll_seconds", w.confirm_poll_seconds, 1, 86'400);
  a.finish();
  if (!w.enabled) return;
  a.require_url("api_base", w.api_base);
  if (!w.smart_robot.token.empty() && w.smart_robot.path == w.path)
    throw config_error(a.key_path("smart_robot.path") + ": must differ from path");
  for (const auto& [name, group] : w.customer_groups)
    if (w.robots.contains(name))
      throw config_error(a.key_path("customer_groups." + name) +
                         ": a robot has the same name; names must differ");
  if (w.corp_id.empty() && !w.customer_groups.empty())
    throw config_error(a.key_path("customer_groups") +
                       ": mass-send tasks need the app (corp_id, agent_id, token, "
                       "encoding_aes_key, secret)");
  if (w.corp_id.empty()) {
    if (w.robots.empty() && w.smart_robot.token.empty())
      throw config_error(a.key_path("corp_id") +
                         ": the app (corp_id, agent_id, token, encoding_aes_key, "
                         "secret), a robot or the smart robot is required when enabled");
    return;
  }
  require_secrets(a, "wecom",
                  {{"token", &w.token}, {"encoding_aes_key", &w.encoding_aes_key}, {"secret", &w.secret}});
  if (!all_digits(w.agent_id))
    throw config_error(a.key_path("agent_id") + ": the app's AgentId (a number), required with corp_id");
  require_aes_key(a, w.encoding_aes_key);
  a.require_path("path", w.path);
}

void read_wechat_mp(config_reader a, wechat_mp_config& w) {
  a.read("enabled", w.enabled);
  a.read("path", w.path);
  a.read("app_id", w.app_id);
  a.read_secret("wechat_mp", "token", w.token);
  a.read_secret("wechat_mp", "encoding_aes_key", w.encoding_aes_key);
  a.read_secret("wechat_mp", "app_secret", w.app_secret);
  a.read("api_base", w.api_base);
  a.read("timestamp_window_s", w.timestamp_window_s, 10, 86'400);
  a.finish();
  if (!w.enabled) return;
  if (w.app_id.empty()) throw config_error(a.key_path("app_id") + ": required when enabled");
  require_secrets(a, "wechat_mp", {{"token", &w.token}, {"app_secret", &w.app_secret}});
  if (!w.encoding_aes_key.empty()) require_aes_key(a, w.encoding_aes_key);
  a.require_url("api_base", w.api_base);
  a.require_path("path", w.path);
}

}  // namespace

void read_adapters(config_reader r, config& c) {
  read_console(r.table("console"), c.console);
  read_webhook(r.table("webhook"), c.webhook);
  read_onebot(r.table("onebot"), c.onebot);
  read_onebot12(r.table("onebot12"), c.onebot12);
  read_wechatbot(r.table("wechatbot"), c.wechatbot);
  read_wecom(r.table("wecom"), c.wecom, c.community.name);
  read_wechat_mp(r.table("wechat_mp"), c.wechat_mp);
  r.finish();
}

}  // namespace bot
