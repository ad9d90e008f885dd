// The inbound half of onebot12_channel: routes, frames, events and what they say of the accounts.
#include <utility>  // before Asio: Boost 1.74 with GCC 12 needs it

#include <nlohmann/json.hpp>

#include "adapters/onebot12/auth.hpp"
#include "adapters/onebot12/ids.hpp"
#include "adapters/onebot12/onebot12_channel.hpp"
#include "bot/clock.hpp"
#include "bot/http_server.hpp"
#include "bot/json_parse.hpp"
#include "bot/log.hpp"

namespace adapters::onebot12 {
namespace {

constexpr std::size_t names_remembered = 10'000;

// An event as a webhook body or frame carries it. ComWeChatBotClient's webhook hands its JSON text
// to httpx's `json=`, so the body arrives as a JSON string holding the event: that is read too.
bot::untrusted_json read_event_text(std::string_view text) {
  auto parsed = bot::parse_untrusted_json(text);
  if (parsed.ok() && parsed.value.is_string())
    parsed = bot::parse_untrusted_json(parsed.value.get_ref<const std::string&>());
  return parsed;
}

}  // namespace

void onebot12_channel::attach(adapter_host host) {
  host_ = std::make_unique<adapter_host>(std::move(host));
  host_->server.route(
      "POST", cfg_.path, [this](const bot::http_request& req) { return on_post(req); },
      [this](const bot::http_request& req) { return refuse_unauthenticated(req, cfg_.access_token); });
  host_->server.websocket_route(cfg_.ws_path,
                                [this](const bot::http_request& req) { return on_upgrade(req); });
  bot::log::info("onebot12", "events by HTTP Webhook on {}, reverse WebSocket on {}; HTTP actions {}",
                 cfg_.path, cfg_.ws_path, cfg_.api_url.empty() ? "not configured" : "configured");
}

bot::http_response onebot12_channel::on_post(const bot::http_request& req) {
  if (auto refusal = refuse_unauthenticated(req, cfg_.access_token)) return *refusal;
  auto parsed = read_event_text(req.body);
  if (parsed.refused == bot::untrusted_json::problem::too_deep)
    return bot::json_error(400, bot::too_deep_message());
  if (!parsed.ok() || !parsed.value.is_object()) return bot::json_error(400, "the body is not a JSON object");
  auto e = parse_event(parsed.value, rules_);
  if (!e.ok()) {
    bot::log::warn("onebot12", "{}: malformed {} event refused: {}", req.remote, e.kind, e.error);
    return bot::json_error(400, e.error);
  }
  if (!e.account.empty()) {
    if (!admit(e.account)) return bot::json_error(403, "this account is not in adapters.onebot12.self_ids");
    webhook_accounts_.insert(e.account);
    if (std::string impl = req.header("x-impl"); !impl.empty() && !options_.contains(e.account))
      options_[e.account] = options_for(impl);
  }
  // Throws when the event cannot be stored: the server answers 500. Implementations do not post an
  // event again (the spec has no retry), so that one is lost; the log says so.
  take(e, nullptr);
  return {204, "", "", {}};
}

bot::ws_answer onebot12_channel::on_upgrade(const bot::http_request& req) {
  if (auto refusal = refuse_unauthenticated(req, cfg_.access_token)) return bot::ws_answer::refuse(*refusal);
  bot::ws_answer a;
  a.accept = [this](std::shared_ptr<bot::ws_connection> ws) {
    links_.add(std::move(ws), "Universal", true, "",
               [this](const link& l, const std::string& text) { on_frame(l, text); });
  };
  a.subprotocol = chosen_subprotocol(req);
  return a;
}

void onebot12_channel::link_changed(const std::string& account, const link& l, bot::account_links::change c) {
  board_.set_links(account, links_.roles(account), links_.takes_calls(account));
  if (c == bot::account_links::change::joined) {
    bot::log::info("onebot12", "{} connected from {}", account, l.ws->remote());
    if (host_) host_->wake_outbox();
    return;
  }
  bot::log::warn("onebot12", "{} disconnected; {}", account,
                 has_route(account) ? "sending continues" : "replies wait in the outbox until it reconnects");
}

void onebot12_channel::on_frame(const link& l, const std::string& text) {
  auto parsed = read_event_text(text);
  if (!parsed.ok() || !parsed.value.is_object()) {
    bot::log::warn(
        "onebot12", "{}: a frame that is not a JSON object was ignored ({})", l.ws->remote(),
        parsed.refused == bot::untrusted_json::problem::too_deep ? bot::too_deep_message() : "malformed");
    return;
  }
  const nlohmann::json& j = parsed.value;
  if (!j.contains("type")) {  // an action's answer
    if (!l.calls || !l.calls->answer(j))
      bot::log::debug("onebot12", "an answer that no call waits for was ignored");
    return;
  }
  auto e = parse_event(j, rules_);
  if (!e.ok()) {
    bot::log::warn("onebot12", "{}: malformed {} event ignored: {}", l.ws->remote(), e.kind, e.error);
    return;
  }
  if (!e.account.empty() && !admit(e.account)) {
    bot::log::warn("onebot12", "an event of {} (not in adapters.onebot12.self_ids) was ignored", e.account);
    return;
  }
  // Which accounts does the connection carry? Asked once it says connect (status_update may never
  // come); the answer comes only while the link's calls live, so `lp` is valid when it is read.
  if (e.connect && l.calls && l.accounts.empty()) {
    const link* lp = &l;
    l.calls->call(
        [](const std::string& echo) {
          return ws_frame({"get_status", nlohmann::json::object(), ""}, echo);
        },
        [this, lp, impl = e.impl](bot::ws_calls::result r) {
          if (r.how != bot::ws_calls::result::outcome::answered) return;
          learn_bots(read_bots(answer_data(from_ws(std::move(r)))), lp, impl);
        });
  }
  try {
    take(e, &l);
  } catch (const std::exception& ex) {
    bot::log::error("onebot12", "{}: {} not processed: {}", e.account, e.kind, ex.what());
  }
}

bool onebot12_channel::serves(const std::string& account) const {
  return rules_.bot_accounts.contains(account);
}

bool onebot12_channel::admit(const std::string& account) {
  if (serves(account)) return true;
  if (!cfg_.self_ids.empty() || rules_.bot_accounts.size() >= max_learned_accounts) return false;
  rules_.bot_accounts.insert(account);
  bot::log::info("onebot12",
                 "serving {} (adapters.onebot12.self_ids is empty: list the accounts in production)",
                 account);
  return true;
}

void onebot12_channel::take(const event_result& e, const link* via) {
  const std::int64_t now = clk_.now_ms();
  if (!e.account.empty()) {
    if (via) links_.serve(*via, e.account);
    board_.saw_event(e.account, now);
  }
  if (e.heartbeat_interval_ms) {
    const auto& accounts =
        via ? via->accounts : std::vector<std::string>(webhook_accounts_.begin(), webhook_accounts_.end());
    for (const auto& account : accounts) board_.heartbeat(account, *e.heartbeat_interval_ms, now);
  }
  learn_bots(e.bots, via, "");
  if (!e.ignored.empty()) bot::log::debug("onebot12", "{} ignored ({})", e.kind, e.ignored);
  if (!host_) return;
  for (const auto& ev : e.events) {
    host_->deliver(ev);
    if (const auto* m = std::get_if<bot::message>(&ev); m && m->chat.is_group()) name_group(m->chat);
  }
}

void onebot12_channel::learn_bots(const std::vector<bot_state>& bots, const link* via,
                                  std::string_view impl) {
  for (const auto& b : bots) {
    if (!admit(b.account)) continue;
    board_.set_online(b.account, b.online);
    if (!impl.empty()) options_[b.account] = options_for(impl);
    if (via) links_.serve(*via, b.account);
  }
}

void onebot12_channel::name_group(const bot::chat_ref& chat) {
  if (!has_route(chat.account) || !named_.insert(chat.key()).second) return;
  if (named_.size() > names_remembered) named_ = {chat.key()};
  call({"get_group_info", {{"group_id", wire_id(chat.account, chat.id)}}, chat.account},
       [this, chat](answer a) {
         nlohmann::json data = answer_data(a);
         if (!data.is_object() || !data.contains("group_name") || !data["group_name"].is_string()) return;
         std::string title = data["group_name"].get<std::string>();
         if (title.empty() || !host_) return;
         try {
           host_->deliver(bot::chat_titled{chat, std::move(title)});
         } catch (const std::exception& ex) {
           bot::log::error("onebot12", "the name of {} not recorded: {}", chat.key(), ex.what());
         }
       });
}

}  // namespace adapters::onebot12
