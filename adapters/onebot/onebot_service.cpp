#include "adapters/onebot/onebot_service.hpp"

#include <utility>  // before Asio: Boost 1.74 with GCC 12 needs it

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <nlohmann/json.hpp>

#include "adapters/onebot/http_post.hpp"
#include "adapters/onebot/ids.hpp"
#include "bot/clock.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "bot/json_parse.hpp"
#include "bot/log.hpp"

namespace adapters::onebot {
namespace {

bot::chat_ref titled_group_chat(const std::string& self_id, const std::string& group_id) {
  bot::chat_ref c;
  c.platform = platform;
  c.account = self_id;
  c.kind = bot::chat_kind::group;
  c.id = group_id;
  return c;
}

}  // namespace

onebot_service::onebot_service(const bot::onebot_config& cfg, boost::asio::io_context& io,
                               bot::http_client& http, const bot::clock& clk, int call_timeout_ms,
                               request_rules requests)
    : cfg_(cfg),
      io_(io),
      http_(http),
      clk_(clk),
      call_timeout_ms_(call_timeout_ms),
      requests_(std::move(requests)),
      links_(io, call_timeout_ms,
             [this](const std::string& self_id, const link& l, bot::account_links::change c) {
               link_changed(self_id, l, c);
             }) {
  auth_.secret = cfg.secret;
  auth_.access_token = cfg.access_token;
  for (const auto& id : cfg.self_ids) {
    auth_.self_ids.insert(id);
    rules_.bot_accounts.insert(id);
    board_.set_links(id, {}, false);  // listed in /healthz before the client first shows up
  }
}

void onebot_service::attach(adapter_host host) {
  host_ = std::make_unique<adapter_host>(std::move(host));
  host_->server.route(
      "POST", cfg_.path, [this](const bot::http_request& req) { return on_post(req); },
      [this](const bot::http_request& req) { return refuse_post_headers(req, auth_); });
  host_->server.websocket_route(cfg_.ws_path,
                                [this](const bot::http_request& req) { return on_upgrade(req); });
  bot::log::info("onebot", "events by HTTP POST on {}{}; reverse WebSocket on {}{}; HTTP API {}", cfg_.path,
                 cfg_.secret.empty() ? " (off: no secret)" : "", cfg_.ws_path,
                 cfg_.access_token.empty() ? " (off: no access_token)" : "",
                 cfg_.api_url.empty() && cfg_.api_urls.empty() ? "not configured" : "configured");
}

bot::http_response onebot_service::on_post(const bot::http_request& req) {
  auto r = read_post(req, auth_, rules_);
  if (r.response.status == 204) take(r.event);
  return r.response;
}

bot::ws_answer onebot_service::on_upgrade(const bot::http_request& req) {
  auto a = admit_ws(req, auth_);
  if (a.refusal) return bot::ws_answer::refuse(*a.refusal);
  return {[this, self_id = a.self_id, role = a.role](std::shared_ptr<bot::ws_connection> ws) {
            links_.add(
                std::move(ws), std::string(role_name(role)), role != ws_role::event, self_id,
                [this, self_id](const link& l, const std::string& text) { on_frame(l, self_id, text); });
          },
          {}};
}

void onebot_service::link_changed(const std::string& self_id, const link& l, bot::account_links::change c) {
  board_.set_links(self_id, links_.roles(self_id), links_.takes_calls(self_id));
  if (c == bot::account_links::change::joined) {
    bot::log::info("onebot", "QQ {} connected ({}) from {}", self_id, l.role, l.ws->remote());
    if (l.calls && host_) host_->wake_outbox();
    if (l.calls) look_up_names(self_id);
    return;
  }
  bot::log::warn("onebot", "QQ {} disconnected ({}); {}", self_id, l.role,
                 can_send(self_id) ? "sending continues" : "replies wait in the outbox until it reconnects");
}

void onebot_service::on_frame(const link& l, const std::string& self_id, const std::string& text) {
  auto parsed = bot::parse_untrusted_json(text);
  if (parsed.refused == bot::untrusted_json::problem::too_deep) {
    bot::log::warn("onebot", "QQ {}: a frame was ignored: {}", self_id, bot::too_deep_message());
    return;
  }
  const nlohmann::json& j = parsed.value;
  if (!parsed.ok() || !j.is_object()) {
    bot::log::warn("onebot", "QQ {}: a frame that is not a JSON object was ignored", self_id);
    return;
  }
  if (j.contains("post_type")) {
    auto e = parse_event(j, rules_);
    if (!e.ok()) {
      bot::log::warn("onebot", "QQ {}: malformed event ignored: {}", self_id, e.error);
      return;
    }
    if (e.self_id != self_id) {
      bot::log::warn("onebot", "an event of QQ {} on the connection of QQ {} was ignored", e.self_id,
                     self_id);
      return;
    }
    try {
      take(e);
    } catch (const std::exception& ex) {
      bot::log::error("onebot", "QQ {}: {} not processed: {}", e.self_id, e.kind, ex.what());
    }
    return;
  }
  if (l.calls && l.calls->answer(j)) return;
  bot::log::debug("onebot", "QQ {}: a frame that answers no waiting call was ignored", self_id);
}

void onebot_service::take(const event_result& e) {
  const std::int64_t now = clk_.now_ms();
  clients_.saw(e, now, board_);
  if (!e.ignored.empty()) bot::log::debug("onebot", "QQ {}: {} ignored ({})", e.self_id, e.kind, e.ignored);
  if (e.request) answer(e.self_id, *e.request);
  for (const auto& ev : e.events) {
    if (std::holds_alternative<bot::account_health>(ev) || !host_) continue;
    host_->deliver(ev);
    if (const auto* m = std::get_if<bot::message>(&ev); m && m->chat.is_group())
      names_.heard(e.self_id, m->chat.id, m->chat_title, now);
    else if (const auto* j = std::get_if<bot::member_joined>(&ev))
      names_.heard(e.self_id, j->chat.id, "", now);
  }
  look_up_names(e.self_id);
}

void onebot_service::answer(const std::string& self_id, const request_event& r) {
  auto reply = answer_request(r, requests_);
  if (!reply) {
    bot::log::info("onebot", "QQ {}: {} request from QQ {} left for a person to answer", self_id,
                   r.type == "friend" ? "friend" : r.sub_type, r.user_id);
    return;
  }
  if (!answered_flags_.insert(r.flag).second) return;  // go-cqhttp re-posts events after a timeout
  if (answered_flags_.size() > 1000) answered_flags_ = {r.flag};
  call(self_id, *reply, [this, self_id, r](api_answer a) {
    auto result = read_answer(a);
    if (a.how == api_answer::transport::not_sent) answered_flags_.erase(r.flag);  // the client may ask again
    if (result.outcome == bot::send_result::status::sent)
      bot::log::info("onebot", "QQ {}: approved the {} request of QQ {}{}", self_id, r.type, r.user_id,
                     r.group_id.empty() ? "" : " into group " + r.group_id);
    else
      bot::log::warn("onebot", "QQ {}: approving the {} request of QQ {} failed: {}", self_id, r.type,
                     r.user_id, result.error);
  });
}

bool onebot_service::has_route(const std::string& self_id) const {
  return links_.caller_for(self_id) != nullptr || !api_url_for(self_id).empty();
}

void onebot_service::look_up_names(const std::string& self_id) {
  if (!host_ || !has_route(self_id)) return;  // asked once a link is up (opened)
  auto group = names_.next(self_id);
  if (!group) return;
  call(self_id, {"get_group_info", {{"group_id", id_json(*group)}}},
       [this, self_id, group = *group](api_answer a) {
         auto r = read_answer(a);
         std::string title;
         if (r.outcome == bot::send_result::status::sent)
           if (auto data = a.body.find("data"); data != a.body.end() && data->is_object())
             if (auto name = data->find("group_name"); name != data->end() && name->is_string())
               title = name->get<std::string>();
         using outcome = group_names::outcome;
         names_.finished(self_id, group,
                         !title.empty()                             ? outcome::named
                         : a.how == api_answer::transport::not_sent ? outcome::not_sent
                                                                    : outcome::refused,
                         clk_.now_ms());
         if (title.empty()) {
           bot::log::debug("onebot", "QQ {}: no name for group {} ({})", self_id, group, r.error);
         } else if (host_) {
           try {
             host_->deliver(bot::chat_titled{titled_group_chat(self_id, group), title});
           } catch (const std::exception& ex) {
             bot::log::error("onebot", "QQ {}: the name of group {} not recorded: {}", self_id, group,
                             ex.what());
           }
         }
         look_up_names(self_id);
       });
}

const std::string& onebot_service::api_url_for(const std::string& self_id) const {
  auto it = cfg_.api_urls.find(self_id);
  return it != cfg_.api_urls.end() ? it->second : cfg_.api_url;
}

bool onebot_service::can_send(const std::string& self_id) const {
  if (board_.paused(self_id, clk_.now_ms())) return false;
  return has_route(self_id);
}

void onebot_service::note_send(const std::string& self_id, const api_answer& answer, bool sent) {
  if (sent) {
    board_.sent(self_id);
  } else if (risk_control(answer)) {
    board_.pause(self_id, clk_.now_ms());
    bot::log::warn("onebot", "QQ {} may be under risk control (风控); it pauses sending for a while",
                   self_id);
  }
}

void onebot_service::call(const std::string& self_id, const api_call& c,
                          std::function<void(api_answer)> done) {
  if (const link* l = links_.caller_for(self_id)) {
    l->calls->call([&c](const std::string& echo) { return ws_frame(c, echo); },
                   [done = std::move(done)](bot::ws_calls::result r) { done(from_ws(std::move(r))); });
    return;
  }
  if (const auto& url = api_url_for(self_id); !url.empty()) {
    http_.request(http_request(c, url, cfg_.access_token, call_timeout_ms_),
                  [done = std::move(done)](bot::http_reply reply) { done(from_http(reply)); });
    return;
  }
  api_answer a;
  a.how = api_answer::transport::not_sent;
  a.error = "QQ " + self_id + " has no WebSocket connected and no HTTP API configured";
  boost::asio::post(io_, [done = std::move(done), a = std::move(a)]() mutable { done(std::move(a)); });
}

nlohmann::json onebot_service::health() const {
  nlohmann::json j{
      {"enabled", true},
      {"http_post", cfg_.secret.empty() ? nlohmann::json(nullptr) : nlohmann::json(cfg_.path)},
      {"reverse_ws", cfg_.access_token.empty() ? nlohmann::json(nullptr) : nlohmann::json(cfg_.ws_path)}};
  j["accounts"] = clients_.to_json(board_, clk_.now_ms(),
                                   [this](const std::string& id) { return !api_url_for(id).empty(); });
  return j;
}

}  // namespace adapters::onebot
