#include "adapters/webhook/webhook_schema.hpp"

#include <nlohmann/json.hpp>

#include "adapters/limits.hpp"
#include "adapters/webhook/webhook_adapter.hpp"

namespace adapters::webhook {
namespace {

using nlohmann::json;

bool valid_network(const std::string& s) {
  if (s.empty() || s.size() > 32) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

// A field that is absent or null; anything else present must have the expected type.
const json* optional_field(const json& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

// Reads fields in order; the first one that is wrong is the error the bridge is told.
struct reader {
  std::string error;

  bool fail(std::string why) {
    if (error.empty()) error = std::move(why);
    return false;
  }
  bool id(const json& object, const char* key, const char* name, std::string& out) {
    const json* v = optional_field(object, key);
    auto id = v ? id_text(*v) : std::nullopt;
    if (!id) return fail(std::string(name) + ": required, as a non-empty string or an integer");
    out = *id;
    return true;
  }
  const json* object(const json& parent, const char* key) {
    const json* v = optional_field(parent, key);
    if (v && v->is_object()) return v;
    fail(std::string(key) + ": required object");
    return nullptr;
  }
  bool optional_string(const json& object, const char* key, const char* name, std::string& out) {
    const json* v = optional_field(object, key);
    if (!v) return true;
    if (!v->is_string()) return fail(std::string(name) + ": must be a string");
    out = v->get<std::string>();
    return true;
  }
  bool chat_kind(const json& chat, bot::chat_kind& out) {
    const json* type = optional_field(chat, "type");
    const std::string* s = type && type->is_string() ? &type->get_ref<const std::string&>() : nullptr;
    if (s && (*s == "group" || *s == "direct")) {
      out = *s == "group" ? bot::chat_kind::group : bot::chat_kind::direct;
      return true;
    }
    return fail("chat.type: required, \"group\" or \"direct\"");
  }
  bool images(const json& j, bot::message& m) {
    const json* images = optional_field(j, "images");
    if (!images) return true;
    if (!images->is_array()) return fail("images: must be an array of strings");
    for (const auto& i : *images) {
      if (!i.is_string()) return fail("images: must be an array of strings");
      if (m.images.size() < max_images_per_message) m.images.push_back({i.get<std::string>()});
    }
    return true;
  }
  bool extras(const json& j, bot::message& m) {
    if (const json* t = optional_field(j, "time")) {
      if (!t->is_number()) return fail("time: must be a number (unix seconds)");
      m.unix_ms = bot::platform_time_ms(t->get<double>());
    }
    if (const json* b = optional_field(j, "mentions_bot")) {
      if (!b->is_boolean()) return fail("mentions_bot: must be true or false");
      m.addressed_to_bot = b->get<bool>();
    }
    if (optional_field(j, "quote_id") && !id(j, "quote_id", "quote_id", m.quoted_id)) return false;
    return images(j, m);
  }
};

std::optional<std::string> network_of(const json& j) {
  const json* network = optional_field(j, "platform");
  if (!network || !network->is_string() || !valid_network(network->get<std::string>())) return std::nullopt;
  return network->get<std::string>();
}

}  // namespace

schema_result read_message(const json& j) {
  if (!j.is_object()) return {std::nullopt, "body is not a JSON object"};
  auto net = network_of(j);
  if (!net) return {std::nullopt, "platform: required, 1-32 of a-z 0-9 - _"};
  reader r;
  bot::message m;
  std::string chat_id, sender_id;
  bot::chat_kind kind = bot::chat_kind::group;
  const json* chat = r.id(j, "message_id", "message_id", m.id) ? r.object(j, "chat") : nullptr;
  const bool chat_ok = chat && r.chat_kind(*chat, kind) && r.id(*chat, "id", "chat.id", chat_id) &&
                       r.optional_string(*chat, "name", "chat.name", m.chat_title);
  const json* sender = chat_ok ? r.object(j, "sender") : nullptr;
  if (!sender || !r.id(*sender, "id", "sender.id", sender_id) ||
      !r.optional_string(*sender, "name", "sender.name", m.sender.name))
    return {std::nullopt, r.error};
  const json* text = optional_field(j, "text");
  if (!text || !text->is_string()) return {std::nullopt, "text: required string"};
  if (!r.extras(j, m)) return {std::nullopt, r.error};
  m.chat = {std::string(platform), *net, kind, network_id(*net, chat_id)};
  m.sender.platform = std::string(platform);
  m.sender.id = network_id(*net, sender_id);
  m.text = text->get<std::string>();
  return {std::move(m), {}};
}

std::optional<std::string> id_text(const json& v) {
  if (v.is_string() && !v.get_ref<const std::string&>().empty()) return v.get<std::string>();
  if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  return std::nullopt;
}

std::string network_id(const std::string& network, const std::string& id) {
  return network + ":" + id;
}

std::string bridge_id(const std::string& network, const std::string& id) {
  const std::string prefix = network + ":";
  return id.rfind(prefix, 0) == 0 ? id.substr(prefix.size()) : id;
}

}  // namespace adapters::webhook
