// What each QQ account's OneBot client says of itself, read from its events into the per-account
// health board (bot/account_board.hpp): heartbeats (meta_event/heartbeat `interval`,
// `status.online`, `status.good`) and lifecycle (`enable`, `disable`, `connect`; `disable` is the
// client switching itself off). The latest lifecycle and `good` are shown in /healthz beside the
// board's fields. What counts as risk control, which pauses an account, is read in api.hpp.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "adapters/onebot/event_parser.hpp"

namespace bot {
class account_board;
}

namespace adapters::onebot {

class client_status {
 public:
  void saw(const event_result& event, std::int64_t now_ms, bot::account_board& board);
  // The board's accounts (see bot::account_board::to_json), each with its `lifecycle` and `good`.
  nlohmann::json to_json(const bot::account_board& board, std::int64_t now_ms,
                         const std::function<bool(const std::string&)>& http_api) const;

 private:
  struct client {
    std::string lifecycle;
    std::optional<bool> good;
  };
  std::map<std::string, client, std::less<>> clients_;
};

}  // namespace adapters::onebot
