#include "fuzz/entries.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "adapters/onebot/cq_code.hpp"
#include "adapters/onebot/event_parser.hpp"
#include "adapters/onebot12/event.hpp"
#include "adapters/onebot12/segments.hpp"
#include "adapters/webhook/webhook_adapter.hpp"
#include "adapters/wechat_mp/mp_callback.hpp"
#include "adapters/wechatbot/wechatbot_adapter.hpp"
#include "adapters/wecom/app_callback.hpp"
#include "adapters/wecom/callback_message.hpp"
#include "adapters/wecom/smart_robot_callback.hpp"
#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/core.hpp"
#include "bot/crypto.hpp"
#include "bot/invocation.hpp"
#include "bot/json_parse.hpp"
#include "bot/log.hpp"
#include "bot/natural_time.hpp"
#include "bot/registry.hpp"
#include "bot/utf8.hpp"
#include "commands/all_commands.hpp"
#include "commands/vote_draft.hpp"
#include "domain/intent/classifier.hpp"
#include "domain/units/roster_import.hpp"
#include "storage/stores.hpp"

namespace fuzz {
namespace {

// The in-memory bots are renewed now and then: the outbox of a bot that never sends only grows.
constexpr int runs_per_bot = 2'000;

// Expected failures are values with a text (STYLE.md): a command that throws is a bug, so the fuzzer
// is told by an abort. Everything else the bot logs is noise here.
void quiet_log() {
  bot::log::set_sink([](bot::log::level l, std::string_view module, std::string_view text) {
    if (l == bot::log::level::error && module == "dispatch") {
      std::fprintf(stderr, "%.*s\n", static_cast<int>(text.size()), text.data());
      std::abort();
    }
  });
}

struct bot_under_test {
  bot_under_test() : clk(1'767'225'600'000), state(settings(), clk, commands::install_all) { quiet_log(); }
  static bot::config settings() {
    bot::config c = bot::config::defaults();
    c.storage.path = ":memory:";
    c.console.enabled = false;
    return c;
  }
  bot::manual_clock clk;
  bot::core state;
  int runs = 0;
};

bot_under_test& shared_bot() {
  static std::unique_ptr<bot_under_test> b;
  if (!b || ++b->runs > runs_per_bot) b = std::make_unique<bot_under_test>();
  return *b;
}

bot::message owner_message(std::string_view text, bot::chat_kind kind, int n) {
  bot::message m;
  m.id = "fuzz-" + std::to_string(n);
  m.chat = {"console", "", kind, kind == bot::chat_kind::group ? "业主群" : "owner"};
  m.sender = {"console", "owner", "王阿姨"};
  m.text = std::string(text);
  return m;
}

}  // namespace

void cq_code(std::string_view data) {
  auto segments = adapters::onebot::parse_cq(data);
  (void)adapters::onebot::unescape_text(data);
  (void)adapters::onebot::unescape_param(data);
  (void)adapters::onebot::parse_cq(adapters::onebot::to_cq(segments));
}

void onebot_event(std::string_view data) {
  auto parsed = bot::parse_untrusted_json(data);
  if (!parsed.ok()) return;
  (void)adapters::onebot::parse_event(parsed.value, {{"10001"}});
}

void onebot12_event(std::string_view data) {
  auto parsed = bot::parse_untrusted_json(data);
  if (parsed.ok() && parsed.value.is_string())
    parsed = bot::parse_untrusted_json(parsed.value.get<std::string>());
  if (!parsed.ok()) return;
  auto r = adapters::onebot12::parse_event(parsed.value, {{"wechat:wxid_bot002"}});
  for (const auto& e : r.events)
    if (const auto* m = std::get_if<bot::message>(&e)) {
      bot::outgoing o = bot::outgoing::plain(m->text);
      o.mentions = m->mentions;
      o.quote_id = m->quoted_id;
      (void)adapters::onebot12::render(o, r.account, {});
    }
}

void webhook_inbound(std::string_view data) {
  static const adapters::webhook::webhook_adapter adapter(
      {true, "/webhook/generic", "fuzz-secret", "http://x"});
  bot::http_request req;
  req.method = "POST";
  req.path = req.target = "/webhook/generic";
  req.body = std::string(data);
  req.headers.emplace_back("x-signature", "sha256=" + bot::crypto::hmac_sha256_hex("fuzz-secret", req.body));
  (void)adapter.parse_inbound(req);
}

void wechatbot_inbound(std::string_view data) {
  static const adapters::wechatbot::wechatbot_adapter adapter(
      {true, "/wechatbot", "fuzz-token", "http://x", "api-token"});
  bot::http_request req;
  req.method = "POST";
  req.path = "/wechatbot";
  req.query = "token=fuzz-token";
  req.target = req.path + "?" + req.query;
  req.body = std::string(data);
  const std::string_view first_line = data.substr(0, data.find("\r\n"));
  const std::string_view boundary = first_line.substr(std::min<std::size_t>(2, first_line.size()));
  req.headers.emplace_back("content-type", "multipart/form-data; boundary=\"" + std::string(boundary) + "\"");
  (void)adapter.parse_inbound(req);
}

namespace {

constexpr const char* weixin_ts = "1700000000";
constexpr std::int64_t weixin_now = 1'700'000'000'000;

bot::http_request weixin_request(const std::string& path, const std::string& query, std::string body) {
  bot::http_request r;
  r.method = "POST";
  r.path = path;
  r.query = query;
  r.target = path + "?" + query;
  r.body = std::move(body);
  return r;
}

}  // namespace

void weixin_inbound(std::string_view data) {
  static const bool quiet = (quiet_log(), true);  // refusals are logged: noise here
  (void)quiet;
  static const bot::wecom_config wecom = [] {
    bot::wecom_config c;
    c.corp_id = "wwfuzzcorp";
    c.agent_id = "1000002";
    c.token = "fuzzToken";
    c.encoding_aes_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    return c;
  }();
  static const bot::wechat_mp_config mp = [] {
    bot::wechat_mp_config c;
    c.app_id = "wxfuzz";
    c.token = "fuzzToken";
    return c;
  }();
  using adapters::wecom::wx_crypt;
  static const wx_crypt app_crypt = *wx_crypt::make(wecom.token, wecom.encoding_aes_key, wecom.corp_id);
  static const wx_crypt smart_crypt = *wx_crypt::make(wecom.token, wecom.encoding_aes_key, "");
  static const adapters::wecom::app_callback app(wecom, app_crypt);
  static const adapters::wecom::smart_robot_callback smart(wecom, smart_crypt);
  static const adapters::wechat_mp::mp_callback official(mp);
  const std::string text(data);
  constexpr std::string_view random16 = "0123456789abcdef";  // deterministic: the same input, the same run

  const std::string sealed = app_crypt.encrypt(text, random16);
  const std::string app_query =
      "msg_signature=" + app_crypt.sign(weixin_ts, "1", sealed) + "&timestamp=" + weixin_ts + "&nonce=1";
  auto in =
      app.parse(weixin_request("/wecom", app_query,
                               "<xml><ToUserName><![CDATA[wwfuzzcorp]]></ToUserName><Encrypt><![CDATA[" +
                                   sealed + "]]></Encrypt></xml>"),
                weixin_now);
  if (in.message) (void)app.passive_reply(in, in.message->text, weixin_now);
  (void)app.parse(weixin_request("/wecom", app_query, text), weixin_now);

  const std::string smart_sealed = smart_crypt.encrypt(text, random16);
  auto robot = smart.parse(weixin_request("/wecom/robot",
                                          "msg_signature=" + smart_crypt.sign(weixin_ts, "1", smart_sealed) +
                                              "&timestamp=" + weixin_ts + "&nonce=1",
                                          nlohmann::json{{"encrypt", smart_sealed}}.dump()),
                           weixin_now);
  if (robot.message) (void)smart.passive_reply(robot, robot.message->text);

  const std::string plain_query = "signature=" + adapters::wecom::sorted_sha1({mp.token, weixin_ts, "1"}) +
                                  "&timestamp=" + weixin_ts + "&nonce=1";
  auto pushed = official.parse(weixin_request("/wechat", plain_query, text), weixin_now);
  if (pushed.message) (void)official.passive_reply(pushed, pushed.message->text, weixin_now);
  (void)adapters::wecom::read_fields(text);
}

void command_text(std::string_view data) {
  auto& b = shared_bot();
  b.state.dispatch.handle(owner_message(data, bot::chat_kind::group, 2 * b.runs));
  b.state.dispatch.handle(owner_message(data, bot::chat_kind::direct, 2 * b.runs + 1));
}

void command_words(std::string_view data) {
  static const bot::registry commands = [] {
    bot::registry r;
    commands::register_all(r);
    return r;
  }();
  static const std::vector<std::string> names{"物业助手"};
  const std::string text = bot::utf8::valid(data);  // the dispatcher's first step
  for (bool direct : {false, true}) {
    bot::invocation inv = bot::parse_invocation(text, direct, false, names);
    bot::split_glued_name(inv, commands);
    if (!commands.find(inv.tokens) && !inv.tokens.empty()) (void)commands.suggest(inv.tokens.front().text);
  }
  const auto r = domain::intent::builtin_classifier().read(text);
  if (r.confidence < 0 || r.confidence > 1.0001F) std::abort();  // a probability
}

void vote_words(std::string_view data) {
  commands::vote_draft d;
  if (!commands::read_vote_draft(data, d)) (void)commands::approving_option(d.options);
  const bot::local_time_zone tz{480};
  const std::int64_t now = 1'767'225'600'000;
  for (bool end_of_day : {true, false}) {
    auto r = bot::read_moment(data, now, tz, end_of_day);
    if (r.at && *r.at <= now) std::abort();  // a moment read must be in the future
    (void)bot::read_moment(d.deadline_text, now, tz, end_of_day);
  }
}

void config_toml(std::string_view data) {
  try {
    (void)bot::config::parse(data, "fuzz.toml", commands::config_checks());
  } catch (const bot::config_error&) {
  }
}

void roster_csv(std::string_view data) {
  auto& b = shared_bot();
  std::istringstream in{std::string(data)};
  (void)domain::units::import_roster(b.state.db, b.state.svc.default_community, in);
}

}  // namespace fuzz
