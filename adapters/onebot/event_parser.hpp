// One OneBot v11 event (a JSON object, as HTTP POST bodies and WebSocket frames carry it) → the
// events estatebot's dispatcher understands. Pure: used by the HTTP POST route and the reverse
// WebSocket alike, and tested from fixture files.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bot/message.hpp"

namespace adapters::onebot {

constexpr std::string_view platform = "onebot";

struct event_rules {
  // Every bot account estatebot serves: a message from any of them is the bot talking, never a
  // command (two bot accounts in one group would otherwise answer each other).
  std::set<std::string, std::less<>> bot_accounts;
};

// A friend request or a group join request / invitation: what set_*_add_request needs to answer it.
struct request_event {
  std::string type;      // friend | group
  std::string sub_type;  // group: add (someone asks to join) | invite (the bot is invited)
  std::string user_id;
  std::string group_id;  // group requests only
  std::string flag;
  std::string comment;
};

struct event_result {
  std::string self_id;
  std::vector<bot::inbound_event> events;  // messages, joins, removals, account health
  std::string kind;                        // "message/group", "meta_event/heartbeat", ... for logs
  std::string ignored;                     // why nothing came of a well-formed event
  std::string lifecycle;                   // enable | disable | connect
  std::optional<bool> good;                // heartbeat status.good
  std::optional<request_event> request;    // a request event (answered by the service, not the dispatcher)
  std::string error;                       // malformed: what is wrong (the event is dropped)

  bool ok() const { return error.empty(); }
};

event_result parse_event(const nlohmann::json& event, const event_rules& rules);

}  // namespace adapters::onebot
