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
#include "adapters/wechatbot/wechatbot_adapter.hpp"
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
