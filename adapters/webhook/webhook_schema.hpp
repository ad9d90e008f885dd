// The generic webhook's message schema (README "Generic webhook"), read strictly: a field of the
// wrong type is an error the bridge is told about (400), never a 500 it would retry forever.
// People and chats are keyed by the message's network ("<platform>:<id>"), so an id on one network
// a bridge serves is never taken for the same id on another (nor made admin there).
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "bot/message.hpp"

namespace adapters::webhook {

struct schema_result {
  std::optional<bot::message> message;
  std::string error;  // what is wrong, naming the field, when there is no message
};

// `body`: the parsed JSON of a signed request.
schema_result read_message(const nlohmann::json& body);

// Ids are text end to end: a non-empty string, or an integer as its exact decimal text (ids beyond
// 2^64 arrive as strings from bot::parse_untrusted_json). Floats and booleans are not ids.
std::optional<std::string> id_text(const nlohmann::json& value);
// "wechat:wxid_wang" for sender wxid_wang on network wechat: a user's or a chat's id.
std::string network_id(const std::string& network, const std::string& id);
// The id the bridge knows: network_id without its "<network>:", or the id as it is.
std::string bridge_id(const std::string& network, const std::string& id);

}  // namespace adapters::webhook
