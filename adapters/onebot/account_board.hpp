// What estatebot knows about each QQ account's client, for GET /healthz: lifecycle, heartbeats
// (an account is considered dead after three missed intervals), WebSocket links, last event, and
// risk control: after an answer that looks like it (NapCat retcode 1200, go-cqhttp 风控) the whole
// account pauses sending, 30 s doubling up to 10 min, until a send succeeds again.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "adapters/onebot/event_parser.hpp"

namespace adapters::onebot {

class account_board {
 public:
  static constexpr int missed_heartbeats_allowed = 3;
  static constexpr std::int64_t first_pause_ms = 30'000;
  static constexpr std::int64_t longest_pause_ms = 600'000;
  // A heartbeat interval counts as at most this: an interval the client chose (2^62 ms) must
  // neither overflow the missed-heartbeats sum nor mean "never dead".
  static constexpr std::int64_t longest_heartbeat_interval_ms = 3'600'000;

  void saw(const event_result& event, std::int64_t now_ms);
  // The roles of the WebSocket connections the account has open now ("Universal", "API", ...).
  void set_links(const std::string& self_id, std::vector<std::string> roles);
  void risk_control(const std::string& self_id, std::int64_t now_ms);
  void sent(const std::string& self_id);
  bool paused(const std::string& self_id, std::int64_t now_ms) const;
  // `http_api`: whether the account can send over the HTTP API when no WebSocket is up.
  nlohmann::json to_json(std::int64_t now_ms, const std::function<bool(const std::string&)>& http_api) const;
  // "ok", "offline" (the client said so), "no_heartbeat", "paused" (risk control), "no_route"
  // (nothing to send through).
  std::string state_of(const std::string& self_id, std::int64_t now_ms, bool http_api) const;

 private:
  struct account {
    std::string lifecycle;
    std::optional<bool> online, good;
    std::int64_t heartbeat_interval_ms = 0;
    std::int64_t last_heartbeat_at = 0;
    std::int64_t last_event_at = 0;
    std::vector<std::string> links;
    int risk_strikes = 0;  // risk-control answers since the last successful send
    std::int64_t last_risk_at = 0;
    std::int64_t paused_until = 0;
  };
  std::map<std::string, account, std::less<>> accounts_;
};

}  // namespace adapters::onebot
