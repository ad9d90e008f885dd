#include "bot/account_board.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace bot {
namespace {

nlohmann::json time_or_null(std::int64_t ms) {
  return ms > 0 ? nlohmann::json(ms) : nlohmann::json(nullptr);
}

}  // namespace

account_board::account_board(std::string pause_key) : pause_key_(std::move(pause_key)) {}

void account_board::saw_event(const std::string& account, std::int64_t now_ms) {
  accounts_[account].last_event_at = now_ms;
}

void account_board::heartbeat(const std::string& account, std::int64_t interval_ms, std::int64_t now_ms) {
  auto& a = accounts_[account];
  a.last_heartbeat_at = now_ms;
  a.heartbeat_interval_ms = std::clamp<std::int64_t>(interval_ms, 0, longest_heartbeat_interval_ms);
}

void account_board::set_online(const std::string& account, bool online) {
  accounts_[account].online = online;
}

void account_board::set_client_off(const std::string& account, bool off) {
  accounts_[account].client_off = off;
}

void account_board::set_links(const std::string& account, std::vector<std::string> roles, bool takes_calls) {
  auto& a = accounts_[account];
  a.links = std::move(roles);
  a.takes_calls = takes_calls;
}

void account_board::pause(const std::string& account, std::int64_t now_ms) {
  auto& a = accounts_[account];
  a.pause_strikes = std::min(a.pause_strikes + 1, 16);
  a.last_pause_at = now_ms;
  a.paused_until = now_ms + std::min(longest_pause_ms, first_pause_ms << (a.pause_strikes - 1));
}

void account_board::sent(const std::string& account) {
  auto it = accounts_.find(account);
  if (it == accounts_.end()) return;
  it->second.pause_strikes = 0;
  it->second.paused_until = 0;
}

bool account_board::paused(const std::string& account, std::int64_t now_ms) const {
  auto it = accounts_.find(account);
  return it != accounts_.end() && now_ms < it->second.paused_until;
}

std::string account_board::state_of(const std::string& account, std::int64_t now_ms, bool http_api) const {
  auto it = accounts_.find(account);
  if (it == accounts_.end()) return http_api ? "ok" : "no_route";
  const auto& a = it->second;
  if (a.client_off || a.online == false) return "offline";
  if (a.heartbeat_interval_ms > 0 &&
      now_ms - a.last_heartbeat_at > missed_heartbeats_allowed * a.heartbeat_interval_ms)
    return "no_heartbeat";
  if (now_ms < a.paused_until) return "paused";
  if (!http_api && !a.takes_calls) return "no_route";
  return "ok";
}

nlohmann::json account_board::to_json(std::int64_t now_ms,
                                      const std::function<bool(const std::string&)>& http_api) const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [id, a] : accounts_) {
    const bool http = http_api(id);
    auto& j = out[id];
    j["state"] = state_of(id, now_ms, http);
    j["online"] = a.online ? nlohmann::json(*a.online) : nlohmann::json(nullptr);
    j["heartbeat_interval_ms"] =
        a.heartbeat_interval_ms > 0 ? nlohmann::json(a.heartbeat_interval_ms) : nlohmann::json(nullptr);
    j["last_heartbeat_at"] = time_or_null(a.last_heartbeat_at);
    j["last_event_at"] = time_or_null(a.last_event_at);
    j["ws_connected"] = a.takes_calls;
    j["ws_links"] = a.links;
    j["http_api"] = http;
    j[pause_key_] = a.last_pause_at == 0 ? nlohmann::json(nullptr)
                                         : nlohmann::json{{"last_at", a.last_pause_at},
                                                          {"strikes", a.pause_strikes},
                                                          {"paused_until", time_or_null(a.paused_until)}};
  }
  return out;
}

}  // namespace bot
