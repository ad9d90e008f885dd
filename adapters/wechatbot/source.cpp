#include "adapters/wechatbot/source.hpp"

#include <nlohmann/json.hpp>

#include "adapters/wechatbot/ids.hpp"

namespace adapters::wechatbot {
namespace {

using nlohmann::json;

// The string at `key`: empty when absent or null, nullopt when it is something else.
std::optional<std::string> text_at(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::string();
  if (!it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

const json* object_at(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_object() ? &*it : nullptr;
}

struct reader {
  std::string error;

  bool text(const json& object, const char* key, const std::string& path, std::string& out) {
    auto v = text_at(object, key);
    if (!v) {
      error = path + ": must be a string";
      return false;
    }
    out = std::move(*v);
    return true;
  }

  // The room, when the message was said in one: its topic and id (the payload's, else its own).
  bool room(const json& source, origin& o) {
    auto it = source.find("room");
    if (it == source.end() || it->is_null() || (it->is_string() && it->get_ref<const std::string&>().empty()))
      return true;
    if (!it->is_object()) {
      error = "source.room: must be an object";
      return false;
    }
    if (it->empty()) return true;  // {}: not in a room
    const json* payload = object_at(*it, "payload");
    const json& fields = payload ? *payload : *it;
    if (!text(fields, "topic", "source.room.payload.topic", o.topic) ||
        !text(fields, "id", "source.room.payload.id", o.room_id))
      return false;
    if (o.topic.empty() && !text(*it, "topic", "source.room.topic", o.topic)) return false;
    if (o.room_id.empty() && !text(*it, "id", "source.room.id", o.room_id)) return false;
    if (o.topic.empty()) {
      error = "source.room.payload.topic: required (a group without a name cannot be answered)";
      return false;
    }
    return true;
  }

  bool sender(const json& source, origin& o) {
    const json* from = object_at(source, "from");
    const json* payload = from ? object_at(*from, "payload") : nullptr;
    if (!payload) {
      error = "source.from.payload: required object";
      return false;
    }
    std::string alias;
    if (!text(*payload, "name", "source.from.payload.name", o.sender.name) ||
        !text(*payload, "alias", "source.from.payload.alias", alias))
      return false;
    o.sender.id = member_id(alias, o.sender.name);
    if (o.sender.id.empty()) {
      error = "source.from.payload.name: required";
      return false;
    }
    return true;
  }
};

}  // namespace

origin_result read_origin(const json& source) {
  if (!source.is_object()) return {std::nullopt, "source: must be a JSON object"};
  origin o;
  reader r;
  if (!r.room(source, o) || !r.sender(source, o)) return {std::nullopt, r.error};
  o.sender.platform = std::string(platform);
  const bool group = !o.topic.empty();
  o.chat = {std::string(platform), "", group ? bot::chat_kind::group : bot::chat_kind::direct,
            group ? o.topic : o.sender.id};
  return {std::move(o), {}};
}

}  // namespace adapters::wechatbot
