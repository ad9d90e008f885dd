#include "adapters/onebot/account_board.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace adapters::onebot {
namespace {

bool can_send_over_ws(const std::vector<std::string>& links) {
  return std::any_of(links.begin(), links.end(), [](const std::string& r) { return r != "Event"; });
}

nlohmann::json time_or_null(std::int64_t ms) {
  return ms > 0 ? nlohmann::json(ms) : nlohmann::json(nullptr);
}

}  // namespace

void account_board::saw(const event_result& e, std::int64_t now_ms) {
  if (e.self_id.empty()) return;
  auto& a = accounts_[e.self_id];
  a.last_event_at = now_ms;
  for (const auto& ev : e.events) {
    const auto* h = std::get_if<bot::account_health>(&ev);
    if (!h) continue;
    a.online = h->online;
    if (e.kind == "meta_event/heartbeat") {
      a.last_heartbeat_at = now_ms;
      a.heartbeat_interval_ms =
          std::clamp<std::int64_t>(h->next_heartbeat_ms, 0, longest_heartbeat_interval_ms);
      if (e.good) a.good = e.good;
    }
  }
  if (!e.lifecycle.empty()) a.lifecycle = e.lifecycle;
}

void account_board::set_links(const std::string& self_id, std::vector<std::string> roles) {
  accounts_[self_id].links = std::move(roles);
}

void account_board::risk_control(const std::string& self_id, std::int64_t now_ms) {
  auto& a = accounts_[self_id];
  a.risk_strikes = std::min(a.risk_strikes + 1, 16);
  a.last_risk_at = now_ms;
  a.paused_until = now_ms + std::min(longest_pause_ms, first_pause_ms << (a.risk_strikes - 1));
}

void account_board::sent(const std::string& self_id) {
  auto it = accounts_.find(self_id);
  if (it == accounts_.end()) return;
  it->second.risk_strikes = 0;
  it->second.paused_until = 0;
}

bool account_board::paused(const std::string& self_id, std::int64_t now_ms) const {
  auto it = accounts_.find(self_id);
  return it != accounts_.end() && now_ms < it->second.paused_until;
}

std::string account_board::state_of(const std::string& self_id, std::int64_t now_ms, bool http_api) const {
  auto it = accounts_.find(self_id);
  if (it == accounts_.end()) return http_api ? "ok" : "no_route";
  const account& a = it->second;
  if (a.lifecycle == "disable" || a.online == false) return "offline";
  if (a.heartbeat_interval_ms > 0 &&
      now_ms - a.last_heartbeat_at > missed_heartbeats_allowed * a.heartbeat_interval_ms)
    return "no_heartbeat";
  if (now_ms < a.paused_until) return "paused";
  if (!http_api && !can_send_over_ws(a.links)) return "no_route";
  return "ok";
}

nlohmann::json account_board::to_json(std::int64_t now_ms,
                                      const std::function<bool(const std::string&)>& http_api) const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [id, a] : accounts_) {
    const bool http = http_api(id);
    auto& j = out[id];
    j["state"] = state_of(id, now_ms, http);
    j["lifecycle"] = a.lifecycle.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.lifecycle);
    j["online"] = a.online ? nlohmann::json(*a.online) : nlohmann::json(nullptr);
    j["good"] = a.good ? nlohmann::json(*a.good) : nlohmann::json(nullptr);
    j["heartbeat_interval_ms"] =
        a.heartbeat_interval_ms > 0 ? nlohmann::json(a.heartbeat_interval_ms) : nlohmann::json(nullptr);
    j["last_heartbeat_at"] = time_or_null(a.last_heartbeat_at);
    j["last_event_at"] = time_or_null(a.last_event_at);
    j["ws_connected"] = can_send_over_ws(a.links);
    j["ws_links"] = a.links;
    j["http_api"] = http;
    j["risk_control"] = a.last_risk_at == 0 ? nlohmann::json(nullptr)
                                            : nlohmann::json{{"last_at", a.last_risk_at},
                                                             {"strikes", a.risk_strikes},
                                                             {"paused_until", time_or_null(a.paused_until)}};
  }
  return out;
}

}  // namespace adapters::onebot
