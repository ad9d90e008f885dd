// The typed configuration, read once from TOML at start-up and validated there: an unknown key,
// a wrong type or a missing secret names the key and stops the start.
// Secrets may come from the environment instead of the file: ESTATEBOT_<ADAPTER>_<KEY>, e.g.
// ESTATEBOT_WEBHOOK_SECRET (see secret_env_name).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace bot {

struct config_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct server_config {
  std::string listen = "127.0.0.1";
  std::uint16_t port = 8765;
  std::size_t max_body_bytes = 1 << 20;
  int read_timeout_ms = 10'000;
  // Open connections at most (WebSockets included); beyond it the connection idle the longest is
  // closed, or the newcomer when none is idle. Lowered at start to fit the descriptor limit.
  std::size_t max_connections = 512;
  // Request bodies held before their route authenticated them, all connections together; a
  // request that does not fit is answered 503 with Retry-After. At least max_body_bytes.
  std::size_t max_buffered_bytes = 32 << 20;
  // Opens the details of GET /healthz to other hosts (Authorization: Bearer <token>); loopback
  // peers always see them. Also from ESTATEBOT_SERVER_HEALTH_TOKEN.
  std::string health_token;
};

struct storage_config {
  // "sqlite" (one file, the default) or "postgres" (several instances on one database).
  std::string backend = "sqlite";
  std::string path = "data/estatebot.sqlite3";  // SQLite's file; beside it, exports/
  // PostgreSQL: "postgresql://user@host:5432/db" (also ESTATEBOT_STORAGE_URL); reports and the
  // dashboard may read from a replica at read_url (ESTATEBOT_STORAGE_READ_URL), else from url.
  std::string url;
  std::string read_url;
  int busy_timeout_ms = 5'000;
  storage::durability durability = storage::durability::power;
  // How long what is done is kept: message ids seen (platform retries come within minutes) and
  // settled outbox rows (delivery reports of older notices then say there is no record); 0: forever.
  int keep_inbound_days = 7;
  int keep_sent_days = 90;
  // Group commit: at most this many events share one commit (bot/group_commit); 1: each its own.
  int commit_batch = 64;
  // PostgreSQL: how often an instance looks for outbox rows and jobs that other instances queued.
  int poll_ms = 1'000;

  bool postgres() const { return backend == "postgres"; }
  // What storage::database opens: the file or the URL; and what reads off the loop open.
  const std::string& target() const { return postgres() ? url : path; }
  const std::string& read_target() const { return postgres() && !read_url.empty() ? read_url : target(); }
};

struct community_config {
  std::string name = "阳光花园";
  std::string lang = "zh-CN";                      // reply language when a command's own language is unknown
  int utc_offset_minutes = 480;                    // how times are shown and typed (China: UTC+8)
  std::vector<std::string> bot_names{"物业助手"};  // "@物业助手 我的工单" is addressed to the bot
};

struct roles_config {
  std::vector<std::string> admins, managers, staff;  // "platform:user_id"
};

// Token buckets of one platform (the key is the platform name: onebot, wecom, webhook, ...).
// Built-in defaults follow the platforms' published limits (see platform_limit_defaults()).
struct platform_limits {
  double per_second = 0;  // per bot account of the platform; 0: no account-wide limit
  int burst = 1;
  double per_chat_per_second = 0;  // 0: [outbox] per_chat_per_second
  int per_chat_burst = 0;          // 0: [outbox] per_chat_burst
};

struct outbox_config {
  double per_chat_per_second = 1.0;  // sustained rate into one chat
  int per_chat_burst = 3;            // messages one chat may get at once
  int max_attempts = 8;              // then the row is dead-lettered and managers are told
  int backoff_initial_ms = 2'000;    // doubles per attempt, with ±25% jitter
  int backoff_max_ms = 600'000;
  // Longer than clients' own timeouts towards their platform (NapCat's toward QQ), so that a slow
  // send is answered rather than guessed at: a send without an answer may have gone out.
  int send_timeout_ms = 30'000;
  int max_in_flight = 16;            // concurrent sends
  int dead_alert_delay_ms = 60'000;  // dead rows are reported to managers in one summary after this wait
  // A row waiting for its platform to come back (not connected, or unreachable) is given up this
  // long after it was written; managers hear of an outage once it has lasted outage_alert_after_ms.
  int give_up_after_ms = 86'400'000;
  int outage_alert_after_ms = 600'000;
  // PostgreSQL, several instances: a row being sent is claimed for this long; an instance that dies
  // mid-send leaves it to another after the lease (its delivery id unchanged). Above send_timeout_ms.
  int lease_ms = 120'000;
  std::map<std::string, platform_limits> platforms = platform_limit_defaults();

  static std::map<std::string, platform_limits> platform_limit_defaults();
};

// An emergency template: what staff type after 紧急 and the advice that goes with it. The five
// built-in ids (fire, power_cut, water_cut, elevator, gas_leak) take their titles and advice from
// texts/emergencies.toml unless the config gives them.
struct emergency_template {
  std::string id;
  std::vector<std::string> names;  // "停电", "断电", "power": the first Chinese one is not special
  std::string title_zh, title_en;  // empty: the built-in text
  std::string zh, en;              // the advice; empty: the built-in text
};

struct emergency_config {
  std::string duty_phone;         // 值班电话, shown in every emergency broadcast and refusal
  int remind_after_minutes = 30;  // an automatic reminder to those who have not acknowledged; 0: none
  std::vector<emergency_template> templates = builtin_templates();

  static std::vector<emergency_template> builtin_templates();
  const emergency_template* find(std::string_view name) const;  // by any name, case-insensitive for ASCII
};

struct console_config {
  bool enabled = true;
  std::string user_id = "owner";  // who you are when you start typing
  std::string user_name = "业主";
};

struct webhook_config {
  bool enabled = false;
  std::string path = "/webhook/generic";
  std::string secret;        // HMAC-SHA256 key for X-Signature both ways (env ESTATEBOT_WEBHOOK_SECRET)
  std::string outbound_url;  // where replies are POSTed
};

// QQ through a OneBot v11 client (NapCat, Lagrange, LLOneBot, go-cqhttp): events by HTTP POST or
// over a reverse WebSocket where estatebot is the server; sends over that WebSocket or the
// client's HTTP API.
struct onebot_config {
  bool enabled = false;
  std::string path = "/onebot";        // HTTP POST of events
  std::string ws_path = "/onebot/ws";  // reverse WebSocket (Universal, or API + Event)
  std::string secret;        // HMAC-SHA1 key of X-Signature on HTTP POST (env ESTATEBOT_ONEBOT_SECRET)
  std::string access_token;  // reverse WebSocket and HTTP API token (env ESTATEBOT_ONEBOT_ACCESS_TOKEN)
  std::string api_url;       // the client's HTTP API, used when no WebSocket is connected
  std::map<std::string, std::string> api_urls;  // self_id → HTTP API of that account's own client
  std::vector<std::string> self_ids;            // the bot accounts; empty: any account that authenticates
  int max_text_chars = 1500;                    // longer texts go out as several messages
  // Approve friend requests (binding a flat needs a private chat, which QQ allows only between
  // friends) and group invitations from admins; other requests are left to a person.
  bool approve_requests = true;
};

// Groups and private chats through a OneBot 12 implementation (ComWeChatBotClient for PC WeChat,
// Walle-based and other bridges): events by HTTP Webhook or over a reverse WebSocket where
// estatebot is the server; actions over that WebSocket or the implementation's HTTP endpoint.
struct onebot12_config {
  bool enabled = false;
  std::string path = "/onebot12";        // HTTP Webhook target
  std::string ws_path = "/onebot12/ws";  // reverse WebSocket
  std::string access_token;  // required when enabled, both ways (env ESTATEBOT_ONEBOT12_ACCESS_TOKEN)
  std::string api_url;       // the implementation's HTTP action endpoint, used when no WebSocket is up
  std::vector<std::string> self_ids;  // "wechat:wxid_…": the bot accounts; empty: any that authenticates
};

// Personal WeChat through the danni-cool/wechatbot-webhook bridge: it posts every message as a form
// to <path>?token=<inbound_token> (its RECVD_MSG_API) and takes sends at
// <api_url>/webhook/msg/v2?token=<api_token>.
struct wechatbot_config {
  bool enabled = false;
  std::string path = "/wechatbot";
  std::string
      inbound_token;  // the bridge signs nothing: this ?token= is all (env ESTATEBOT_WECHATBOT_INBOUND_TOKEN)
  std::string api_url;    // the bridge's base URL, e.g. http://127.0.0.1:3001
  std::string api_token;  // the bridge's own token (env ESTATEBOT_WECHATBOT_API_TOKEN)
};

// WeCom (企业微信): a self-built app that owners and staff chat with 1:1 (encrypted XML callbacks
// at <path>, answers as passive replies or app messages), and group robots (消息推送 webhooks) that
// carry broadcasts and alerts into internal groups (protocols/wecom-wechat.md §1, §2).
struct wecom_robot {
  std::string key;        // the webhook URL's key: the credential (env ESTATEBOT_WECOM_ROBOTS_<NAME>_KEY)
  std::string community;  // empty: [community] name
  std::optional<std::string> building;
  std::string purpose = "staff";  // staff | managers | owners, as 绑定小区 sets it
  // The group's chatid as the smart robot reports it: @-mentions there are heard as this robot's
  // group, so answers that miss the callback go by this robot.
  std::string chat_id;
};

// The smart robot (智能机器人) in API mode: WeCom posts @-mentions in internal groups, and 1:1
// chats with it, as encrypted JSON to <path> (receive id empty); answers go in the callback's
// reply, later ones once through the message's response_url.
struct wecom_smart_robot {
  std::string path = "/wecom/robot";
  std::string token;             // env ESTATEBOT_WECOM_SMART_ROBOT_TOKEN; empty: no smart robot
  std::string encoding_aes_key;  // env ESTATEBOT_WECOM_SMART_ROBOT_ENCODING_AES_KEY
};

// A customer group (客户群) with owners: no bot can read or post there. A notice or emergency for
// it becomes a mass-send task (add_msg_template) that `sender`, the staff member who owns the
// group, confirms in the WeCom client; estatebot polls the task until WeCom says it went.
struct wecom_customer_group {
  std::string chat_id;  // the group's chat id (externalcontact/groupchat/list)
  std::string sender;   // the owning staff member's UserID
  std::string community;
  std::optional<std::string> building;
};

struct wecom_config {
  bool enabled = false;
  std::string path = "/wecom";
  std::string corp_id;           // empty: no app, robots only
  std::string agent_id;          // the app's AgentId
  std::string token;             // callback Token (env ESTATEBOT_WECOM_TOKEN)
  std::string encoding_aes_key;  // 43 characters (env ESTATEBOT_WECOM_ENCODING_AES_KEY)
  std::string secret;            // the app's Secret, for access_token (env ESTATEBOT_WECOM_SECRET)
  std::string api_base = "https://qyapi.weixin.qq.com";
  int timestamp_window_s = 300;  // a callback whose timestamp is further from now is refused
  // Group robots by name ([adapters.wecom.robots.<name>]): each is an internal group the bot can
  // only post to, registered at start to its community as a chat "wecom/robot/group/<name>".
  std::map<std::string, wecom_robot> robots;
  wecom_smart_robot smart_robot;
  // Customer groups by name ([adapters.wecom.customer_groups.<name>]), registered at start as owners'
  // groups "wecom/customer/group/<name>"; sends need the app (corp_id …).
  std::map<std::string, wecom_customer_group> customer_groups;
  int confirm_poll_seconds = 120;  // how often a mass-send task is asked whether staff sent it
};

// The WeChat Official Account (公众号): any WeChat user chats with it 1:1. Plain mode (signature
// only) or safe mode (encrypt_type=aes, when encoding_aes_key is set); passive replies within the
// 5-second window, customer-service messages (message/custom/send) later, within 48 hours of the
// user's last message (§3).
struct wechat_mp_config {
  bool enabled = false;
  std::string path = "/wechat";
  std::string app_id;
  std::string token;             // env ESTATEBOT_WECHAT_MP_TOKEN
  std::string encoding_aes_key;  // empty: plain mode only (env ESTATEBOT_WECHAT_MP_ENCODING_AES_KEY)
  std::string app_secret;        // env ESTATEBOT_WECHAT_MP_APP_SECRET
  std::string api_base = "https://api.weixin.qq.com";
  int timestamp_window_s = 300;
};

// How long a ticket may take: to the first response, and to the fix. A resolve time of 0 means
// "the same day" (by the end of the local day the ticket came in, 当天修复).
struct sla_target {
  int respond_minutes = 0;
  int resolve_minutes = 0;
};

// Group chat that the intent model reads as a repair or complaint gets one offer to register it.
struct offers_config {
  bool enabled = true;
  int window_minutes = 60;  // at most one offer per person in this window
  int valid_minutes = 30;   // how long "登记" answers an offer
  // The community's own words on top of the model: a keyword always makes a problem of a message
  // (a local name for a facility), an ignore word never does. Safety words are not overruled.
  std::vector<std::string> keywords;
  std::vector<std::string> ignore;
};

struct tickets_config {
  int urge_interval_minutes = 60;       // an owner may urge one ticket this often (催单)
  int second_escalation_minutes = 120;  // overdue: managers are told, and told again this much later
  int auto_close_days = 3;              // a resolved ticket without objection closes after this
  // Dispatch mode (manual | grab | round_robin) by key: "default", "complaint", "suggestion" or
  // a category id ("elevator"); the ticket feature checks keys and modes (domain/tickets/settings).
  std::map<std::string, std::string> dispatch{{"default", "grab"}};
  // SLA by key: "urgent", "normal", "minor" (repairs by priority), "complaint", "suggestion", or
  // "<category>.<priority>" ("elevator.urgent") to override one category (the ticket feature
  // checks the category ids).
  std::map<std::string, sla_target> sla{{"urgent", {30, 0}},
                                        {"normal", {24 * 60, 3 * 24 * 60}},
                                        {"minor", {3 * 24 * 60, 7 * 24 * 60}},
                                        {"complaint", {24 * 60, 7 * 24 * 60}},
                                        {"suggestion", {3 * 24 * 60, 14 * 24 * 60}}};
  offers_config offers;
};

struct suggestions_config {
  // 64 hex digits (AES-256) sealing the way back to anonymous writers; env
  // ESTATEBOT_SUGGESTIONS_RELAY_KEY. Empty: a random key per run (replies reach writers only
  // until the next restart).
  std::string relay_key;
  int per_day = 3;         // anonymous suggestions one writer may send per day
  int batch_minutes = 60;  // suggestions reach staff in batches, so their time tells nothing
};

// The satisfaction survey (满意度调查) template: the items owners rate 1–5, in order, by name in
// Chinese and English (defaults: the four areas of the China Consumers Association study plus
// parking, fees, notices and repair speed).
struct survey_item {
  std::string zh, en;
};

struct surveys_config {
  std::vector<survey_item> items = builtin_items();
  int days = 14;          // how long a survey stays open unless 发起调查 … 截止 says
  int remind_hours = 48;  // before the deadline, owners who have not finished are reminded; 0: never

  static std::vector<survey_item> builtin_items();
};

// Statistics (统计) and the managers' digest: the complaint-reduction goal and what it is measured
// against, and when the daily digest goes to the managers' groups.
struct stats_config {
  int complaint_target_percent = 20;  // fewer complaints than the baseline, in percent
  // "last_year": the same period a year before; or a fixed period "2026-01-01~2026-06-30", scaled
  // to the length of the period asked about.
  std::string baseline = "last_year";
  std::string digest_time = "08:30";  // local "HH:MM"; empty: no digest
  bool weekly_digest = true;          // on Mondays, the week's trend as well

  std::optional<int> digest_minutes() const;  // after local midnight; none: no digest
};

// The web dashboard (/dashboard on the server's port): staff and managers log in with a one-time
// link they ask for in chat (后台).
struct dashboard_config {
  bool enabled = true;
  // How the link starts, as people's browsers reach this server ("https://wuye.example.com");
  // empty: http://<listen>:<port>. A https URL also marks the session cookie Secure.
  std::string public_url;
  int link_minutes = 5;    // a login link is good for this long, once
  int idle_minutes = 30;   // a session ends after this long without a page
  int session_hours = 12;  // and after this long whatever happens
};

// What owners' groups may read although it looks private: the service and duty numbers staff
// publish ("400-800-1234"). [emergency] duty_phone is allowed without being listed.
struct privacy_config {
  std::vector<std::string> allowed_phones;
};

struct config;
// A check of values a feature owns (ticket category ids, dispatch modes): the core reads the shape
// of the file, the feature judges what it means. Throws config_error naming the key.
using config_check = std::function<void(const config&)>;

struct config {
  server_config server;
  storage_config storage;
  community_config community;
  roles_config roles;
  outbox_config outbox;
  emergency_config emergency;
  console_config console;
  webhook_config webhook;
  onebot_config onebot;
  onebot12_config onebot12;
  wechatbot_config wechatbot;
  wecom_config wecom;
  wechat_mp_config wechat_mp;
  tickets_config tickets;
  suggestions_config suggestions;
  surveys_config surveys;
  stats_config stats;
  dashboard_config dashboard;
  privacy_config privacy;

  // Both throw config_error; `checks` come from the features (commands::config_checks).
  static config load_file(const std::string& path, const std::vector<config_check>& checks = {});
  static config parse(std::string_view toml, const std::string& source_name = "config",
                      const std::vector<config_check>& checks = {});
  static config defaults();  // what an empty file means
};

std::string secret_env_name(std::string_view adapter, std::string_view key);  // ESTATEBOT_WEBHOOK_SECRET

}  // namespace bot
