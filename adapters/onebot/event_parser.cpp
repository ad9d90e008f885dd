#include "adapters/onebot/event_parser.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

#include "adapters/onebot/ids.hpp"
#include "adapters/onebot/segments.hpp"

namespace adapters::onebot {
namespace {

using nlohmann::json;

std::string string_field(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bot::chat_ref event_group_chat(const std::string& self_id, const std::string& group_id) {
  return {std::string(platform), self_id, bot::chat_kind::group, group_id};
}

bot::user_ref user(const std::string& id, std::string name = {}, std::string nickname = {}) {
  return {std::string(platform), id, std::move(name), std::move(nickname)};
}

void parse_message(const json& j, const event_rules& rules, event_result& r) {
  std::string type = string_field(j, "message_type");
  r.kind = "message/" + type;
  if (type != "group" && type != "private") {
    r.ignored = "unknown message_type";
    return;
  }
  auto message_id = id_field(j, "message_id");
  auto user_id = number_field(j, "user_id");
  auto group_id = number_field(j, "group_id");
  if (!message_id) {
    r.error = "message_id: required";
    return;
  }
  if (!user_id) {
    r.error = "user_id: required number";
    return;
  }
  if (type == "group" && !group_id) {
    r.error = "group_id: required number";
    return;
  }
  if (*user_id == r.self_id || rules.bot_accounts.contains(*user_id)) {
    r.ignored = "sent by a bot account";
    return;
  }
  std::string sub_type = string_field(j, "sub_type");
  if (sub_type == "anonymous") {  // no one to follow up with
    r.ignored = "anonymous message";
    return;
  }
  if (type == "group" && sub_type == "notice") {  // a system tip, not a person
    r.ignored = "system notice";
    return;
  }

  auto body = j.find("message");
  std::vector<segment> segments;
  if (body != j.end() && !body->is_null())
    segments = segments_of(*body);
  else if (auto raw = j.find("raw_message"); raw != j.end() && raw->is_string())
    segments = parse_cq(raw->get_ref<const std::string&>());
  content c = read_content(segments, r.self_id);

  bot::message m;
  m.id = *message_id;
  m.chat = type == "group"
               ? event_group_chat(r.self_id, *group_id)
               : bot::chat_ref{std::string(platform), r.self_id, bot::chat_kind::direct, *user_id};
  m.chat_title = string_field(j, "group_name");
  std::string name, nickname;
  if (auto sender = j.find("sender"); sender != j.end() && sender->is_object()) {
    nickname = string_field(*sender, "nickname");
    name = string_field(*sender, "card");
    if (name.empty()) name = nickname;
  }
  m.sender = user(*user_id, name, nickname);
  m.text = std::move(c.text);
  m.addressed_to_bot = c.at_bot;
  m.addressed_by_quote_only = c.at_bot_by_quote_only;
  m.mentions = std::move(c.mentions);
  m.quoted_id = std::move(c.quoted_id);
  for (auto& img : c.images) m.images.push_back({std::move(img)});
  if (auto t = j.find("time"); t != j.end() && t->is_number())
    m.unix_ms = bot::platform_time_ms(t->get<double>());
  r.events.emplace_back(std::move(m));
}

void parse_notice(const json& j, event_result& r) {
  std::string type = string_field(j, "notice_type");
  r.kind = "notice/" + type;
  if (type != "group_increase" && type != "group_decrease") {
    r.ignored = "notice not used";
    return;
  }
  auto group_id = number_field(j, "group_id");
  auto user_id = number_field(j, "user_id");
  if (!group_id || !user_id) {
    r.error = "group_id and user_id: required numbers";
    return;
  }
  std::string sub_type = string_field(j, "sub_type");
  if (type == "group_increase") {
    if (*user_id == r.self_id) {
      r.ignored = "the bot itself joined";  // the group reappears with its first message
      return;
    }
    r.events.emplace_back(bot::member_joined{event_group_chat(r.self_id, *group_id), user(*user_id)});
    return;
  }
  if (sub_type == "kick_me" || *user_id == r.self_id) {
    r.events.emplace_back(bot::removed_from_chat{event_group_chat(r.self_id, *group_id)});
    return;
  }
  r.ignored = "someone else left";
}

void parse_request(const json& j, event_result& r) {
  request_event q;
  q.type = string_field(j, "request_type");
  r.kind = "request/" + q.type;
  if (q.type != "friend" && q.type != "group") {
    r.ignored = "unknown request_type";
    return;
  }
  auto user_id = number_field(j, "user_id");
  auto flag = id_field(j, "flag");
  if (!user_id || !flag) {
    r.error = "user_id and flag: required";
    return;
  }
  q.user_id = *user_id;
  q.flag = *flag;
  q.comment = string_field(j, "comment");
  if (q.type == "group") {
    auto group_id = number_field(j, "group_id");
    q.sub_type = string_field(j, "sub_type");
    if (!group_id || (q.sub_type != "add" && q.sub_type != "invite")) {
      r.error = "group_id and sub_type (add or invite): required for a group request";
      return;
    }
    q.group_id = *group_id;
  }
  r.request = std::move(q);
}

void parse_meta(const json& j, event_result& r) {
  constexpr std::int64_t longest = std::numeric_limits<std::int64_t>::max();
  std::string type = string_field(j, "meta_event_type");
  r.kind = "meta_event/" + type;
  bot::account_health h{std::string(platform), r.self_id, true, 0};
  if (type == "heartbeat") {
    if (auto status = j.find("status"); status != j.end() && status->is_object()) {
      if (auto online = status->find("online"); online != status->end() && online->is_boolean())
        h.online = online->get<bool>();
      if (auto good = status->find("good"); good != status->end() && good->is_boolean())
        r.good = good->get<bool>();
    }
    if (auto interval = j.find("interval"); interval != j.end() && interval->is_number_integer())
      // Beyond int64 saturates rather than wrapping negative; bot::account_board clamps what it uses.
      h.next_heartbeat_ms =
          interval->is_number_unsigned() && interval->get<std::uint64_t>() > std::uint64_t{longest}
              ? longest
              : std::max<std::int64_t>(0, interval->get<std::int64_t>());
  } else if (type == "lifecycle") {
    r.lifecycle = string_field(j, "sub_type");
    h.online = r.lifecycle != "disable";
  } else {
    r.ignored = "meta event not used";
    return;
  }
  r.events.emplace_back(h);
}

// A field of the wrong type is a malformed event (400), not one silently read as empty: a client
// that sends "message_type": 1 is told so instead of having its messages vanish. (A `time` that is
// no number is only no time: the message itself is good.)
std::string type_confusion(const json& j) {
  static constexpr const char* strings[] = {"post_type",    "message_type",    "notice_type",
                                            "request_type", "meta_event_type", "sub_type",
                                            "raw_message",  "group_name",      "comment"};
  for (const char* key : strings)
    if (auto it = j.find(key); it != j.end() && !it->is_null() && !it->is_string())
      return std::string(key) + ": must be a string";
  if (auto it = j.find("sender"); it != j.end() && !it->is_null() && !it->is_object())
    return "sender: must be an object";
  if (auto it = j.find("message"); it != j.end() && (it->is_number() || it->is_boolean()))
    return "message: must be a string, an array or an object";
  return {};
}

}  // namespace

event_result parse_event(const json& j, const event_rules& rules) {
  event_result r;
  if (!j.is_object()) {
    r.error = "an event must be a JSON object";
    return r;
  }
  auto self_id = number_field(j, "self_id");
  if (!self_id) {
    r.error = "self_id: required number";
    return r;
  }
  r.self_id = *self_id;
  if (r.error = type_confusion(j); !r.ok()) return r;
  std::string post_type = string_field(j, "post_type");
  if (post_type.empty()) {
    r.error = "post_type: required";
    return r;
  }
  r.kind = post_type;
  if (post_type == "message")
    parse_message(j, rules, r);
  else if (post_type == "notice")
    parse_notice(j, r);
  else if (post_type == "meta_event")
    parse_meta(j, r);
  else if (post_type == "message_sent")
    r.ignored = "the bot's own message";
  else if (post_type == "request")
    parse_request(j, r);
  else
    r.ignored = "unknown post_type";
  return r;
}

}  // namespace adapters::onebot
