// What estatebot knows about each bot account of one platform, for GET /healthz: the last event,
// heartbeats (an account is considered dead after three missed intervals), what the platform says
// of the account (online, or its client switched off), the connections it has, and a pause: after
// an answer that says "slow down" (QQ risk control today, a platform's rate limit tomorrow) the
// whole account pauses sending, 30 s doubling up to 10 min, until a send succeeds again. The
// adapter reads its platform's events and answers and feeds the board.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace bot {

class account_board {
 public:
  static constexpr int missed_heartbeats_allowed = 3;
  static constexpr std::int64_t first_pause_ms = 30'000;
  static constexpr std::int64_t longest_pause_ms = 600'000;
  // A heartbeat interval counts as at most this: an interval the client chose (2^62 ms) must
  // neither overflow the missed-heartbeats sum nor mean "never dead".
  static constexpr std::int64_t longest_heartbeat_interval_ms = 3'600'000;

  // `pause_key`: what the pause is called in the JSON ("risk_control" for QQ).
  explicit account_board(std::string pause_key = "pause");

  // Any event of the account arrived.
  void saw_event(const std::string& account, std::int64_t now_ms);
  // A heartbeat that announces the next one within `interval_ms` (0: none announced).
  void heartbeat(const std::string& account, std::int64_t interval_ms, std::int64_t now_ms);
  // What the platform says: the account is online (logged in) or not.
  void set_online(const std::string& account, bool online);
  // The account's client says it switched itself off (OneBot lifecycle disable) or on again.
  void set_client_off(const std::string& account, bool off);
  // The roles of the connections the account has open now ("Universal", "API", ...), and whether
  // one of them takes calls. An account is listed from the first call on, with no links at all.
  void set_links(const std::string& account, std::vector<std::string> roles, bool takes_calls);
  // An answer that asks the account to slow down: it pauses, longer each time.
  void pause(const std::string& account, std::int64_t now_ms);
  // A send succeeded: the pause (if any) ends and the next one starts short again.
  void sent(const std::string& account);
  bool paused(const std::string& account, std::int64_t now_ms) const;

  // "ok", "offline" (the platform or the client said so), "no_heartbeat", "paused", "no_route"
  // (nothing to send through). `http_api`: whether the account can send without a connection.
  std::string state_of(const std::string& account, std::int64_t now_ms, bool http_api) const;
  // Every account by id: state, online, heartbeat_interval_ms, last_heartbeat_at, last_event_at,
  // ws_connected, ws_links, http_api, and the pause under `pause_key` (null before the first).
  nlohmann::json to_json(std::int64_t now_ms, const std::function<bool(const std::string&)>& http_api) const;

 private:
  struct account {
    std::optional<bool> online;
    bool client_off = false;
    std::int64_t heartbeat_interval_ms = 0;
    std::int64_t last_heartbeat_at = 0;
    std::int64_t last_event_at = 0;
    std::vector<std::string> links;
    bool takes_calls = false;
    int pause_strikes = 0;  // pausing answers since the last successful send
    std::int64_t last_pause_at = 0;
    std::int64_t paused_until = 0;
  };
  std::string pause_key_;
  std::map<std::string, account, std::less<>> accounts_;
};

}  // namespace bot
