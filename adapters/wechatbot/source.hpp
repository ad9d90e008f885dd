// Where a wechatbot-webhook message was said and by whom, from its `source` form field: the Wechaty
// room, talker and listener objects as JSON (the bridge's packages/core/src/service/msgUploader.ts).
// A room is {"id": "@@…", "payload": {"topic": "3栋业主群", "memberList": […], …}}; the talker is
// {"id": "@…", "payload": {"name": "王阿姨", "alias": "", …}}. Outside a room, `room` is {} (older
// bridges: ""). Keys as ids.hpp explains.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "bot/message.hpp"

namespace adapters::wechatbot {

struct origin {
  bot::chat_ref chat;
  std::string topic;    // the group's name; empty in private chat
  std::string room_id;  // the bridge's id of the room in this login; empty in private chat
  bot::user_ref sender;
};

struct origin_result {
  std::optional<origin> value;
  std::string error;  // names the field, when there is no value
};

// `source`: the parsed JSON of the field.
origin_result read_origin(const nlohmann::json& source);

}  // namespace adapters::wechatbot
