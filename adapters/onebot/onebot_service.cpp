#include "adapters/onebot/onebot_service.hpp"

#include <utility>  // before Asio: Boost 1.74 with GCC 12 needs it

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <nlohmann/json.hpp>

#include "adapters/onebot/api_link.hpp"
#include "adapters/onebot/http_post.hpp"
#include "bot/clock.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "bot/log.hpp"

namespace adapters::onebot {

struct onebot_service::link {
  std::shared_ptr<bot::ws_connection> ws;
  std::string self_id;
  ws_role role = ws_role::universal;
  std::unique_ptr<api_link> api;  // none on an Event connection
};

onebot_service::onebot_service(const bot::onebot_config& cfg, boost::asio::io_context& io,
                               bot::http_client& http, const bot::clock& clk, int call_timeout_ms)
    : cfg_(cfg), io_(io), http_(http), clk_(clk), call_timeout_ms_(call_timeout_ms) {
  auth_.secret = cfg.secret;
  auth_.access_token = cfg.access_token;
  for (const auto& id : cfg.self_ids) {
    auth_.self_ids.insert(id);
    rules_.bot_accounts.insert(id);
    board_.set_links(id, {});  // listed in /healthz before the client first shows up
  }
}

onebot_service::~onebot_service() {
  for (auto& [id, list] : links_)
    for (auto& l : list) {
      l->ws->on_message = nullptr;
      l->ws->on_close = nullptr;
      l->ws->close();
    }
}

void onebot_service::attach(service_host host) {
  host_ = std::make_unique<service_host>(std::move(host));
  host_->server.route("POST", cfg_.path, [this](const bot::http_request& req) { return on_post(req); });
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
            auto l = std::make_shared<link>();
            l->ws = ws;
            l->self_id = self_id;
            l->role = role;
            if (role != ws_role::event)
              l->api = std::make_unique<api_link>(io_, ws, "c" + std::to_string(++link_counter_) + "-",
                                                  call_timeout_ms_);
            std::weak_ptr<link> weak = l;
            ws->on_message = [this, weak](const std::string& text) {
              if (auto held = weak.lock()) on_frame(*held, text);
            };
            ws->on_close = [this, weak] {
              if (auto held = weak.lock()) closed(held);
            };
            opened(l);
          },
          {}};
}

void onebot_service::opened(const std::shared_ptr<link>& l) {
  links_[l->self_id].push_back(l);
  publish_links(l->self_id);
  bot::log::info("onebot", "QQ {} connected ({}) from {}", l->self_id, role_name(l->role), l->ws->remote());
  if (l->api && host_) host_->wake_outbox();
}

void onebot_service::closed(const std::shared_ptr<link>& l) {
  auto& list = links_[l->self_id];
  std::erase(list, l);
  if (l->api) l->api->fail_all("the WebSocket closed while waiting for the answer");
  publish_links(l->self_id);
  bot::log::warn(
      "onebot", "QQ {} disconnected ({}); {}", l->self_id, role_name(l->role),
      can_send(l->self_id) ? "sending continues" : "replies wait in the outbox until it reconnects");
}

void onebot_service::publish_links(const std::string& self_id) {
  std::vector<std::string> roles;
  if (auto it = links_.find(self_id); it != links_.end())
    for (const auto& l : it->second) roles.emplace_back(role_name(l->role));
  board_.set_links(self_id, std::move(roles));
}

void onebot_service::on_frame(link& l, const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    bot::log::warn("onebot", "QQ {}: a frame that is not a JSON object was ignored", l.self_id);
    return;
  }
  if (j.contains("post_type")) {
    auto e = parse_event(j, rules_);
    if (!e.ok()) {
      bot::log::warn("onebot", "QQ {}: malformed event ignored: {}", l.self_id, e.error);
      return;
    }
    if (e.self_id != l.self_id) {
      bot::log::warn("onebot", "an event of QQ {} on the connection of QQ {} was ignored", e.self_id,
                     l.self_id);
      return;
    }
    try {
      take(e);
    } catch (const std::exception& ex) {
      bot::log::error("onebot", "QQ {}: {} not processed: {}", e.self_id, e.kind, ex.what());
    }
    return;
  }
  if (l.api && l.api->answer(j)) return;
  bot::log::debug("onebot", "QQ {}: a frame that answers no waiting call was ignored", l.self_id);
}

void onebot_service::take(const event_result& e) {
  board_.saw(e, clk_.now_ms());
  if (!e.ignored.empty()) bot::log::debug("onebot", "QQ {}: {} ignored ({})", e.self_id, e.kind, e.ignored);
  for (const auto& ev : e.events)
    if (!std::holds_alternative<bot::account_health>(ev) && host_) host_->deliver(ev);
}

const std::string& onebot_service::api_url_for(const std::string& self_id) const {
  auto it = cfg_.api_urls.find(self_id);
  return it != cfg_.api_urls.end() ? it->second : cfg_.api_url;
}

onebot_service::link* onebot_service::api_link_for(const std::string& self_id) const {
  auto it = links_.find(self_id);
  if (it == links_.end()) return nullptr;
  for (auto l = it->second.rbegin(); l != it->second.rend(); ++l)  // the newest connection first
    if ((*l)->api && (*l)->ws->is_open()) return l->get();
  return nullptr;
}

bool onebot_service::can_send(const std::string& self_id) const {
  if (board_.paused(self_id, clk_.now_ms())) return false;
  return api_link_for(self_id) != nullptr || !api_url_for(self_id).empty();
}

void onebot_service::note_send(const std::string& self_id, const api_answer& answer, bool sent) {
  if (sent) {
    board_.sent(self_id);
  } else if (risk_control(answer)) {
    board_.risk_control(self_id, clk_.now_ms());
    bot::log::warn("onebot", "QQ {} may be under risk control (风控); it pauses sending for a while",
                   self_id);
  }
}

void onebot_service::call(const std::string& self_id, const api_call& c,
                          std::function<void(api_answer)> done) {
  if (link* l = api_link_for(self_id)) {
    l->api->call(c, std::move(done));
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
  j["accounts"] =
      board_.to_json(clk_.now_ms(), [this](const std::string& id) { return !api_url_for(id).empty(); });
  return j;
}

}  // namespace adapters::onebot
