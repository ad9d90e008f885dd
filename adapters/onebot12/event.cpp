#include "adapters/onebot12/event.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "adapters/onebot12/ids.hpp"
#include "adapters/onebot12/segments.hpp"

namespace adapters::onebot12 {
namespace {

using nlohmann::json;

const json* field(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

std::string text_of(const json& j, const char* key) {
  const json* v = field(j, key);
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

struct self_ref {
  std::string platform, user_id;
};

// `self` {platform, user_id}; earlier drafts put `platform` and `self_id` at the top.
std::optional<self_ref> self_of(const json& e) {
  self_ref s;
  if (const json* self = field(e, "self"); self && self->is_object()) {
    s.platform = text_of(*self, "platform");
    s.user_id = id_text(self->value("user_id", json())).value_or("");
  } else {
    s.platform = text_of(e, "platform");
    s.user_id = id_text(e.value("self_id", json())).value_or("");
  }
  if (!valid_platform(s.platform) || s.user_id.empty()) return std::nullopt;
  return s;
}

std::optional<std::string> id_field(const json& e, const char* key) {
  const json* v = field(e, key);
  return v ? id_text(*v) : std::nullopt;
}

void read_meta(const json& e, const std::string& detail, event_result& r) {
  if (detail == "connect") {
    r.connect = true;
    if (const json* v = field(e, "version"); v && v->is_object()) r.impl = text_of(*v, "impl").substr(0, 64);
  } else if (detail == "heartbeat") {
    // Milliseconds; bot::account_board bounds what it believes, this only keeps the cast defined.
    if (const json* interval = field(e, "interval"); interval && interval->is_number())
      if (const double ms = interval->get<double>(); ms >= 0)
        r.heartbeat_interval_ms = static_cast<std::int64_t>(std::min(ms, 1e15));
    if (const json* status = field(e, "status")) r.bots = read_bots(*status);
  } else if (detail == "status_update") {
    if (const json* status = field(e, "status")) r.bots = read_bots(*status);
  } else {
    r.ignored = "meta event not used";
  }
}

bot::chat_ref chat_of(const std::string& account, const self_ref& self, bot::chat_kind kind,
                      const std::string& id) {
  return {std::string(platform), account, kind, qualified(self.platform, id)};
}

void read_message(const json& e, const std::string& detail, const self_ref& self, const event_rules& rules,
                  event_result& r) {
  if (detail != "group" && detail != "private") {
    r.ignored = detail == "channel" ? "channel messages are not served" : "unknown detail_type";
    return;
  }
  auto message_id = id_field(e, "message_id");
  auto user_id = id_field(e, "user_id");
  auto group_id = detail == "group" ? id_field(e, "group_id") : std::optional<std::string>("");
  if (!message_id)
    r.error = "message_id: required string";
  else if (!user_id)
    r.error = "user_id: required string";
  else if (!group_id)
    r.error = "group_id: required string";
  if (!r.ok()) return;
  const std::string sender = qualified(self.platform, *user_id);
  if (*user_id == self.user_id || rules.bot_accounts.contains(sender)) {
    r.ignored = "sent by a bot account";
    return;
  }
  const json* message = field(e, "message");
  if (!message || (!message->is_array() && !field(e, "alt_message")))
    r.error = "message: required segment array";
  if (!r.ok()) return;
  content c = read_content(*message, self.platform, self.user_id);
  if (!message->is_array()) c.text = text_of(e, "alt_message");

  bot::message m;
  m.id = *message_id;
  const bool group = detail == "group";
  m.chat = chat_of(r.account, self, group ? bot::chat_kind::group : bot::chat_kind::direct,
                   group ? *group_id : *user_id);
  m.sender = {std::string(platform), sender, ""};
  m.text = std::move(c.text);
  m.addressed_to_bot = c.at_bot;
  m.addressed_by_quote_only = c.at_bot_by_quote_only;
  m.mentions = std::move(c.mentions);
  m.quoted_id = std::move(c.quoted_id);
  for (auto& ref : c.images) m.images.push_back({std::move(ref)});
  if (const json* t = field(e, "time"); t && t->is_number())
    m.unix_ms = bot::platform_time_ms(t->get<double>());
  r.events.emplace_back(std::move(m));
}

void read_notice(const json& e, const std::string& detail, const self_ref& self, event_result& r) {
  if (detail != "group_member_increase" && detail != "group_member_decrease") {
    r.ignored = "notice not used";
    return;
  }
  auto group_id = id_field(e, "group_id");
  auto user_id = id_field(e, "user_id");
  if (!group_id || !user_id) {
    r.error = "group_id and user_id: required strings";
    return;
  }
  bot::chat_ref chat = chat_of(r.account, self, bot::chat_kind::group, *group_id);
  if (detail == "group_member_increase") {
    if (*user_id != self.user_id)
      r.events.emplace_back(
          bot::member_joined{chat, {std::string(platform), qualified(self.platform, *user_id), ""}});
    else
      r.ignored = "the bot joined";
  } else if (*user_id == self.user_id) {
    r.events.emplace_back(bot::removed_from_chat{chat});
  } else {
    r.ignored = "a member left";
  }
}

}  // namespace

std::vector<bot_state> read_bots(const json& status) {
  std::vector<bot_state> out;
  if (!status.is_object()) return out;
  const json* bots = field(status, "bots");
  if (!bots || !bots->is_array()) return out;
  for (const auto& b : *bots) {
    if (!b.is_object()) continue;
    auto self = self_of(b);
    const json* online = field(b, "online");
    if (!self || !online || !online->is_boolean()) continue;
    out.push_back({qualified(self->platform, self->user_id), online->get<bool>()});
  }
  return out;
}

event_result parse_event(const json& e, const event_rules& rules) {
  event_result r;
  if (!e.is_object()) {
    r.error = "an event is a JSON object";
    return r;
  }
  const std::string type = text_of(e, "type");
  const std::string detail = text_of(e, "detail_type");
  r.kind = type + "." + detail;
  if (type.empty() || detail.empty()) {
    r.error = "type and detail_type: required strings";
    return r;
  }
  if (type == "meta") {
    read_meta(e, detail, r);
    return r;
  }
  auto self = self_of(e);
  if (!self) {
    r.error = "self: required {platform, user_id}";
    return r;
  }
  r.account = qualified(self->platform, self->user_id);
  if (type == "message")
    read_message(e, detail, *self, rules, r);
  else if (type == "notice")
    read_notice(e, detail, *self, r);
  else
    r.ignored = type == "request" ? "requests are left to a person" : "unknown type";
  return r;
}

}  // namespace adapters::onebot12
