#include "bot/config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "bot/config_adapters.hpp"
#include "bot/config_reader.hpp"
#include "bot/crypto.hpp"
#include "bot/env_file.hpp"
#include "bot/role.hpp"
#include "bot/texts.hpp"
#include "bot/utf8.hpp"

namespace bot {
namespace {

bool valid_name(std::string_view s) {
  if (s.empty() || s.size() > 32) return false;
  for (char ch : s)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_')) return false;
  return true;
}

void read_server(config_reader r, server_config& c) {
  r.read("listen", c.listen);
  r.read("port", c.port, 0, 65535);
  r.read("max_body_bytes", c.max_body_bytes, 1024, 64 << 20);
  r.read("read_timeout_ms", c.read_timeout_ms, 100, 600'000);
  r.read("max_connections", c.max_connections, 1, 65'536);
  r.read("max_buffered_bytes", c.max_buffered_bytes, 1024, std::int64_t{1} << 30);
  r.read_secret("server", "health_token", c.health_token);
  r.finish();
  if (c.listen.empty()) throw config_error("server.listen: must not be empty");
  boost::system::error_code bad_address;
  boost::asio::ip::make_address(c.listen, bad_address);
  if (bad_address)
    throw config_error(r.key_path("listen") + ": \"" + c.listen +
                       "\" is not an IP address (127.0.0.1, 0.0.0.0, ::1); the port goes in server.port");
  if (c.max_buffered_bytes < c.max_body_bytes)
    throw config_error(
        fmt::format("{}: must be at least server.max_body_bytes ({}), or no body that large could "
                    "ever be read",
                    r.key_path("max_buffered_bytes"), c.max_body_bytes));
}

void read_storage(config_reader r, storage_config& c) {
  r.read("backend", c.backend);
  r.read("path", c.path);
  r.read_secret("storage", "url", c.url);
  r.read_secret("storage", "read_url", c.read_url);
  r.read("busy_timeout_ms", c.busy_timeout_ms, 0, 600'000);
  std::string durability = c.durability == storage::durability::power ? "power" : "process";
  r.read("durability", durability);
  r.read("keep_inbound_days", c.keep_inbound_days, 1, 3650);
  r.read("keep_sent_days", c.keep_sent_days, 0, 36500);
  r.read("commit_batch", c.commit_batch, 1, 10'000);
  r.read("poll_ms", c.poll_ms, 10, 600'000);
  r.finish();
  if (c.path.empty()) throw config_error("storage.path: must not be empty");
  if (c.backend != "sqlite" && c.backend != "postgres")
    throw config_error(r.key_path("backend") + ": must be \"sqlite\" or \"postgres\", not \"" + c.backend +
                       "\"");
  if (c.postgres() && c.url.empty())
    throw config_error(
        r.key_path("url") +
        ": backend \"postgres\" needs the database's URL (postgresql://user@host:5432/estatebot), "
        "here or in ESTATEBOT_STORAGE_URL");
  if (durability != "power" && durability != "process")
    throw config_error(r.key_path("durability") + ": must be \"power\" or \"process\", not \"" + durability +
                       "\"");
  c.durability = durability == "power" ? storage::durability::power : storage::durability::process;
}

void read_community(config_reader r, community_config& c) {
  r.read("name", c.name);
  r.read("lang", c.lang);
  r.read("utc_offset_minutes", c.utc_offset_minutes, -720, 840);
  r.read("bot_names", c.bot_names);
  r.finish();
  if (c.name.empty()) throw config_error("community.name: must not be empty");
  if (!parse_locale(c.lang)) throw config_error("community.lang: must be \"zh-CN\" or \"en-US\"");
}

void read_roles(config_reader r, roles_config& c) {
  r.read("admins", c.admins);
  r.read("managers", c.managers);
  r.read("staff", c.staff);
  r.finish();
  for (auto* list : {&c.admins, &c.managers, &c.staff})
    for (const auto& id : *list)
      if (id.find(':') == std::string::npos || id.front() == ':' || id.back() == ':')
        throw config_error(fmt::format("roles: \"{}\" must look like \"platform:user_id\"", id));
}

void read_outbox(config_reader r, outbox_config& c) {
  r.read("per_chat_per_second", c.per_chat_per_second);
  r.read("per_chat_burst", c.per_chat_burst, 1, 1000);
  r.read("max_attempts", c.max_attempts, 1, 100);
  r.read("backoff_initial_ms", c.backoff_initial_ms, 10, 3'600'000);
  r.read("backoff_max_ms", c.backoff_max_ms, 10, 86'400'000);
  r.read("send_timeout_ms", c.send_timeout_ms, 100, 600'000);
  r.read("max_in_flight", c.max_in_flight, 1, 1024);
  r.read("dead_alert_delay_ms", c.dead_alert_delay_ms, 0, 86'400'000);
  r.read("give_up_after_ms", c.give_up_after_ms, 1'000, 14 * 86'400'000);
  r.read("lease_ms", c.lease_ms, 1'000, 86'400'000);
  r.read("outage_alert_after_ms", c.outage_alert_after_ms, 0, 86'400'000);
  {
    auto platforms = r.table("platforms");
    // Every platform estatebot serves has built-in limits: any other name is a typo that would
    // leave the real platform paced by its defaults.
    const auto served = outbox_config::platform_limit_defaults();
    for (const auto& name : platforms.table_keys()) {
      if (!served.contains(name)) {
        std::vector<std::string> known;
        for (const auto& [platform, limits] : served) known.push_back(platform);
        throw config_error(fmt::format("{}: unknown platform (known: {})", platforms.key_path(name),
                                       fmt::join(known, ", ")));
      }
      auto p = platforms.table(name);
      auto& limits = c.platforms[name];  // starts from the built-in default of a known platform
      p.read("per_second", limits.per_second);
      p.read("burst", limits.burst, 1, 100'000);
      p.read("per_chat_per_second", limits.per_chat_per_second);
      p.read("per_chat_burst", limits.per_chat_burst, 0, 100'000);
      p.finish();
      if (limits.per_second < 0) throw config_error(p.key_path("per_second") + ": must not be negative");
      if (limits.per_chat_per_second < 0)
        throw config_error(p.key_path("per_chat_per_second") + ": must not be negative");
    }
    platforms.finish();
  }
  r.finish();
  if (c.per_chat_per_second <= 0) throw config_error("outbox.per_chat_per_second: must be above 0");
}

void read_emergency(config_reader r, emergency_config& c) {
  r.read("duty_phone", c.duty_phone);
  r.read("remind_after_minutes", c.remind_after_minutes, 0, 24 * 60);
  auto templates = r.table("templates");
  for (const auto& id : templates.table_keys()) {
    if (!valid_name(id))
      throw config_error(fmt::format("{}: a template id is a-z 0-9 - _", templates.key_path(id)));
    auto t = templates.table(id);
    auto it = std::find_if(c.templates.begin(), c.templates.end(), [&](const auto& x) { return x.id == id; });
    if (it == c.templates.end())
      it = c.templates.insert(c.templates.end(), emergency_template{id, {}, {}, {}, {}, {}});
    t.read("names", it->names);
    t.read("title_zh", it->title_zh);
    t.read("title_en", it->title_en);
    t.read("zh", it->zh);
    t.read("en", it->en);
    t.finish();
    if (it->names.empty()) throw config_error(t.key_path("names") + ": at least one name is needed");
    const auto builtins = emergency_config::builtin_templates();
    const bool builtin =
        std::any_of(builtins.begin(), builtins.end(), [&](const auto& b) { return b.id == id; });
    const std::pair<const char*, const std::string*> fields[] = {
        {"title_zh", &it->title_zh}, {"title_en", &it->title_en}, {"zh", &it->zh}, {"en", &it->en}};
    for (const auto& [key, value] : fields)
      if (!builtin && value->empty())
        throw config_error(t.key_path(key) + ": required for a template that is not built in");
  }
  templates.finish();
  r.finish();
  std::set<std::string> seen;
  for (const auto& t : c.templates)
    for (const auto& n : t.names)
      if (n.empty() || n.find(' ') != std::string::npos || !seen.insert(utf8::to_lower_ascii(n)).second)
        throw config_error(
            fmt::format("emergency.templates.{}.names: \"{}\" is empty, has a space or is "
                        "already the name of another template",
                        t.id, n));
}

void read_surveys(config_reader r, surveys_config& c) {
  r.read("days", c.days, 1, 365);
  r.read("remind_hours", c.remind_hours, 0, 30 * 24);
  std::vector<std::string> zh, en;
  r.read("items", zh);
  r.read("items_en", en);
  r.finish();
  if (zh.empty() && !en.empty()) throw config_error("surveys.items_en: needs surveys.items beside it");
  if (zh.empty()) return;
  if (!en.empty() && en.size() != zh.size())
    throw config_error(fmt::format("surveys.items_en: {} names for {} items", en.size(), zh.size()));
  if (zh.size() > 30) throw config_error("surveys.items: at most 30 items");
  std::set<std::string> seen;
  c.items.clear();
  for (std::size_t i = 0; i < zh.size(); ++i) {
    if (zh[i].empty() || utf8::length(zh[i]) > 20 || !seen.insert(zh[i]).second)
      throw config_error(
          fmt::format("surveys.items: \"{}\" is empty, longer than 20 characters or twice", zh[i]));
    c.items.push_back({zh[i], en.empty() || en[i].empty() ? zh[i] : en[i]});
  }
}

// "08:30" → minutes after midnight.
std::optional<int> clock_minutes(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (std::size_t i : {0u, 1u, 3u, 4u})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

void read_stats(config_reader r, stats_config& c) {
  r.read("complaint_target_percent", c.complaint_target_percent, 0, 100);
  r.read("baseline", c.baseline);
  r.read("digest_time", c.digest_time);
  r.read("weekly_digest", c.weekly_digest);
  r.finish();
  if (!c.digest_time.empty() && !clock_minutes(c.digest_time))
    throw config_error("stats.digest_time: \"HH:MM\" in local time (\"08:30\"), or \"\" for no digest");
}

void read_dashboard(config_reader r, dashboard_config& c) {
  r.read("enabled", c.enabled);
  r.read("public_url", c.public_url);
  r.read("link_minutes", c.link_minutes, 1, 60);
  r.read("idle_minutes", c.idle_minutes, 1, 24 * 60);
  r.read("session_hours", c.session_hours, 1, 7 * 24);
  r.finish();
  while (!c.public_url.empty() && c.public_url.back() == '/') c.public_url.pop_back();
  const std::string_view u = c.public_url;
  const std::string_view scheme_end = "://";
  const std::size_t host_at = c.public_url.find(scheme_end);
  // Links, redirects and the cookie's path are absolute (/dashboard…): a path here would break them.
  if (!u.empty() && ((!u.starts_with("http://") && !u.starts_with("https://")) ||
                     c.public_url.find('/', host_at + scheme_end.size()) != std::string::npos))
    throw config_error(
        "dashboard.public_url: scheme, host and port only, e.g. \"https://wuye.example.com\" (no path)");
}

void read_sla(config_reader r, sla_target& t) {
  r.read("respond_minutes", t.respond_minutes, 1, 365 * 24 * 60);
  r.read("resolve_minutes", t.resolve_minutes, 0, 365 * 24 * 60);
  r.finish();
}

void read_tickets(config_reader r, tickets_config& c) {
  r.read("urge_interval_minutes", c.urge_interval_minutes, 1, 7 * 24 * 60);
  r.read("second_escalation_minutes", c.second_escalation_minutes, 1, 30 * 24 * 60);
  r.read("auto_close_days", c.auto_close_days, 1, 365);
  {
    std::map<std::string, std::string> modes;
    r.read("dispatch", modes);
    for (auto& [key, mode] : modes)
      if (!mode.empty()) c.dispatch[key] = std::move(mode);
  }
  {
    auto s = r.table("sla");
    const std::vector<std::string> targets{"urgent", "normal", "minor", "complaint", "suggestion"};
    for (const auto& key : targets) read_sla(s.table(key), c.sla[key]);
    for (const auto& id : s.table_keys()) {  // per category: "[tickets.sla.elevator]"
      if (std::find(targets.begin(), targets.end(), id) != targets.end()) continue;
      auto per_category = s.table(id);
      for (const char* p : {"urgent", "normal", "minor"}) {
        auto t = per_category.table(p);
        if (!t.present()) continue;
        sla_target target = c.sla[p];
        read_sla(t, target);
        c.sla[id + "." + p] = target;
      }
      per_category.finish();
    }
    s.finish();
  }
  {
    auto o = r.table("offers");
    o.read("enabled", c.offers.enabled);
    o.read("window_minutes", c.offers.window_minutes, 1, 7 * 24 * 60);
    o.read("valid_minutes", c.offers.valid_minutes, 1, 24 * 60);
    o.read("keywords", c.offers.keywords);
    o.read("ignore", c.offers.ignore);
    o.finish();
  }
  r.finish();
}

void read_suggestions(config_reader r, suggestions_config& c) {
  r.read_secret("suggestions", "relay_key", c.relay_key);
  r.read("per_day", c.per_day, 1, 100);
  r.read("batch_minutes", c.batch_minutes, 1, 24 * 60);
  r.finish();
  if (!c.relay_key.empty()) {
    auto key = crypto::from_hex(c.relay_key);
    if (!key || key->size() != 32)
      throw config_error(fmt::format("suggestions.relay_key: must be 64 hex digits (or set {})",
                                     secret_env_name("suggestions", "relay_key")));
  }
}

// A phone as people write it: 7 to 15 digits with spaces, dashes, dots, brackets or a leading +.
void read_privacy(config_reader r, privacy_config& c) {
  r.read("allowed_phones", c.allowed_phones);
  r.finish();
  for (const auto& phone : c.allowed_phones) {
    std::size_t digits = 0;
    bool other = false;
    for (char ch : phone) {
      if (ch >= '0' && ch <= '9')
        ++digits;
      else
        other = other || std::string_view(" -.()+").find(ch) == std::string_view::npos;
    }
    if (other || digits < 7 || digits > 15)
      throw config_error(fmt::format("privacy.allowed_phones: \"{}\" is not a phone number", phone));
  }
}

}  // namespace

std::string secret_env_name(std::string_view adapter, std::string_view key) {
  std::string name = "ESTATEBOT_";
  for (char ch : std::string(adapter) + "_" + std::string(key))
    name.push_back(ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch == '.' ? '_' : ch);
  return name;
}

std::map<std::string, platform_limits> outbox_config::platform_limit_defaults() {
  return {
      // OneBot v11 clients: go-cqhttp's own limiter is 1 call/s, the spec's _rate_limited queue 500 ms;
      // many group messages in a short time trigger QQ risk control (protocols/onebot-v11.md §5.4).
      // A small burst keeps replies to a few commands immediate; a broadcast goes at one group a second.
      {"onebot", {1.0, 5, 0, 0}},
      // WeCom group robot: 20 messages a minute per robot, i.e. per group; burst + 60 s × rate ≤ 20
      // (protocols/wecom-wechat.md §2.1).
      {"wecom", {0, 1, 0.3, 2}},
      // Bridges to personal WeChat: no published limit, accounts get banned for bursts (§5).
      {"webhook", {1.0, 5, 0, 0}},
      // OneBot 12 bridges are mostly personal WeChat (ComWeChatBotClient hooks the PC client): one
      // message every 2.5 s per account after a burst of two, the pace such accounts survive.
      {"onebot12", {0.4, 2, 0, 0}},
      // wechatbot-webhook runs on web WeChat: its README warns the account "本身就有被限制风险" and
      // drops about every two days; its users report bans after bursts (danni-cool #234, #287).
      // One message every 2.5 s per account, no burst; emergencies still go first.
      {"wechatbot", {0.4, 1, 0, 0}},
      // The Official Account's customer-service messages go to one person each; no published rate.
      // A reply's parts go at once, a broadcast never reaches it (it has no groups).
      {"wechat_mp", {0, 1, 1.0, 5}},
      // The terminal: no pacing, a pasted script is answered at once.
      {"console", {0, 1, 1000.0, 1000}},
  };
}

std::vector<emergency_template> emergency_config::builtin_templates() {
  // Names are what staff type after 紧急 (like command names); titles and advice are texts.
  return {
      {"fire", {"火警", "火灾", "着火", "fire"}, {}, {}, {}, {}},
      {"power_cut", {"停电", "断电", "power", "blackout"}, {}, {}, {}, {}},
      {"water_cut", {"停水", "断水", "water"}, {}, {}, {}, {}},
      {"elevator", {"电梯困人", "困人", "电梯", "elevator", "lift"}, {}, {}, {}, {}},
      {"gas_leak", {"燃气泄漏", "燃气", "煤气", "gas"}, {}, {}, {}, {}},
  };
}

std::optional<int> stats_config::digest_minutes() const {
  return digest_time.empty() ? std::nullopt : clock_minutes(digest_time);
}

std::vector<survey_item> surveys_config::builtin_items() {
  return {{"客户服务", "Customer service"}, {"维修时效", "Repair speed"},       {"保洁", "Cleaning"},
          {"绿化", "Landscaping"},          {"安保秩序", "Security and order"}, {"停车", "Parking"},
          {"设施设备", "Facilities"},       {"收费透明", "Transparent fees"},   {"信息通知", "Notices"}};
}

const emergency_template* emergency_config::find(std::string_view name) const {
  std::string key = utf8::to_lower_ascii(name);
  for (const auto& t : templates)
    for (const auto& n : t.names)
      if (utf8::to_lower_ascii(n) == key) return &t;
  return nullptr;
}

config config::defaults() {
  return parse("", "defaults");
}

config config::parse(std::string_view toml_text, const std::string& source_name,
                     const std::vector<config_check>& checks) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    throw config_error(fmt::format("{}:{}:{}: {}", source_name, where.line, where.column, e.description()));
  }
  config c;
  config_reader r(&root, "");
  // First: the secrets the rest may read from it.
  std::string env_file;
  r.read("env_file", env_file);
  config_reader::environment file_env;
  if (!env_file.empty()) file_env = read_env_file(env_file, "env_file");
  r.use_env_file(&file_env);
  read_server(r.table("server"), c.server);
  read_storage(r.table("storage"), c.storage);
  read_community(r.table("community"), c.community);
  read_roles(r.table("roles"), c.roles);
  read_outbox(r.table("outbox"), c.outbox);
  read_emergency(r.table("emergency"), c.emergency);
  read_adapters(r.table("adapters"), c);
  read_tickets(r.table("tickets"), c.tickets);
  read_suggestions(r.table("suggestions"), c.suggestions);
  read_surveys(r.table("surveys"), c.surveys);
  read_stats(r.table("stats"), c.stats);
  read_dashboard(r.table("dashboard"), c.dashboard);
  read_privacy(r.table("privacy"), c.privacy);
  r.finish();
  for (const auto& check : checks) check(c);
  return c;
}

config config::load_file(const std::string& path, const std::vector<config_check>& checks) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw config_error(fmt::format("{}: cannot read the file", path));
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path, checks);
}

}  // namespace bot
