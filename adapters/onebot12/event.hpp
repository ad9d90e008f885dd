// One OneBot 12 event (an HTTP Webhook body or a reverse-WebSocket frame) → the events estatebot's
// dispatcher understands, and what it says of the bot accounts for /healthz. Pure, tested from
// fixture files. Events are `type` message / notice / request / meta with a `detail_type`; all but
// meta events name their bot account in `self` {platform, user_id} (earlier drafts: top-level
// `platform` and `self_id`, also read).
#pragma once
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bot/message.hpp"

namespace adapters::onebot12 {

constexpr std::string_view platform = "onebot12";

struct event_rules {
  // Every bot account estatebot serves ("wechat:wxid_bot"): their own messages are the bot talking.
  std::set<std::string, std::less<>> bot_accounts;
};

// An account's online state as status_update, heartbeat or get_status tell it.
struct bot_state {
  std::string account;
  bool online = false;
};

struct event_result {
  std::string account;                     // the bot account the event belongs to; empty for meta events
  std::string kind;                        // "message.group", "meta.heartbeat", ... for logs
  std::vector<bot::inbound_event> events;  // messages, joins, removals
  std::string ignored;                     // why a well-formed event brought nothing
  bool connect = false;                    // meta connect: the first frame of a WebSocket
  std::string impl;                        // its version.impl ("ComWechat", "Walle-Q", ...)
  std::optional<std::int64_t> heartbeat_interval_ms;
  std::vector<bot_state> bots;  // status.bots of status_update and heartbeat
  std::string error;            // malformed: what is wrong (the event is dropped, HTTP 400)

  bool ok() const { return error.empty(); }
};

event_result parse_event(const nlohmann::json& event, const event_rules& rules);

// The `bots` list of a status object (status_update's `status`, get_status's `data`).
std::vector<bot_state> read_bots(const nlohmann::json& status);

}  // namespace adapters::onebot12
