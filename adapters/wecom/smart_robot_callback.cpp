#include "adapters/wecom/smart_robot_callback.hpp"

#include <nlohmann/json.hpp>

#include "bot/crypto.hpp"
#include "bot/json_parse.hpp"
#include "bot/log.hpp"
#include "bot/utf8.hpp"

namespace adapters::wecom {
namespace {

constexpr const char* smart_module = "wecom";

smart_inbound smart_refused(const check& c) {
  return {refuse(smart_module, c), std::nullopt, {}, {}, {}};
}

std::string text_at(const nlohmann::json& j, std::string_view key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "@物业助手 工单列表" → "工单列表": WeCom calls only for a mention of the robot, written first.
std::string without_mention(const std::string& content) {
  std::string_view text = bot::utf8::trim(content);
  if (text.empty() || text.front() != '@') return std::string(text);
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t at = i;
    if (bot::utf8::is_space(bot::utf8::next(text, at))) break;
    i = at;
  }
  return std::string(bot::utf8::trim(text.substr(i)));
}

// The timestamp as WeCom's JSON samples write it: a number (it passed fresh(): decimal digits).
nlohmann::json timestamp_value(const std::string& timestamp) {
  std::int64_t n = 0;
  for (char ch : timestamp) n = n * 10 + (ch - '0');
  return n;
}

}  // namespace

std::optional<bot::http_response> smart_robot_callback::check_headers(const bot::http_request& req) const {
  return unsigned_refusal(smart_module, req);
}

smart_inbound smart_robot_callback::verify_url(const bot::http_request& req, std::int64_t now_ms) const {
  const callback_query q = read_query(req);
  check c = open_signed(crypt_, q, q.echostr, now_ms, cfg_.timestamp_window_s);
  if (!c.ok()) return smart_refused(c);
  bot::log::info(smart_module, "the smart robot's URL was verified");
  return {{200, "text/plain; charset=utf-8", c.opened, {}}, std::nullopt, {}, {}, q};
}

smart_inbound smart_robot_callback::parse(const bot::http_request& req, std::int64_t now_ms) const {
  const callback_query q = read_query(req);
  auto envelope = bot::parse_untrusted_json(req.body);
  if (!envelope.ok() || !envelope.value.is_object())
    return smart_refused({crypt_error::parse, 400, "the body is not {\"encrypt\": …}", {}});
  check c = open_signed(crypt_, q, text_at(envelope.value, "encrypt"), now_ms, cfg_.timestamp_window_s);
  if (!c.ok()) return smart_refused(c);
  auto body = bot::parse_untrusted_json(c.opened);
  if (!body.ok() || !body.value.is_object())
    return smart_refused({crypt_error::parse, 400, "the decrypted message is not a JSON object", {}});
  const auto& j = body.value;
  smart_inbound in{{200, "application/json", "", {}}, std::nullopt, {}, text_at(j, "response_url"), q};
  if (text_at(j, "msgtype") != "text") {
    bot::log::debug(smart_module, "a smart robot {} callback is not read", text_at(j, "msgtype"));
    return in;
  }
  std::string user;
  if (auto from = j.find("from"); from != j.end() && from->is_object()) user = text_at(*from, "userid");
  const std::string id = text_at(j, "msgid");
  const std::string chat_type = text_at(j, "chattype");
  in.chat_id = text_at(j, "chatid");
  const bool group = chat_type == "group";
  std::string content;
  if (auto text = j.find("text"); text != j.end() && text->is_object()) content = text_at(*text, "content");
  if (user.empty() || user.size() > 128 || id.empty() || id.size() > 128 || (group && in.chat_id.empty()) ||
      in.chat_id.size() > 128)
    return smart_refused(
        {crypt_error::parse, 400, "a text without msgid, from.userid or the group's chatid", {}});
  bot::message m;
  m.id = id;
  m.chat = {std::string("wecom"), std::string(smart_account),
            group ? bot::chat_kind::group : bot::chat_kind::direct, group ? in.chat_id : user};
  m.sender = {"wecom", user, ""};
  m.text = group ? without_mention(content) : content;
  m.addressed_to_bot = true;
  in.message = std::move(m);
  return in;
}

bot::http_response smart_robot_callback::passive_reply(const smart_inbound& in,
                                                       const std::string& text) const {
  const std::string plain = nlohmann::json{
      {"msgtype", "stream"},
      {"stream",
       {{"id", bot::crypto::to_hex(bot::crypto::random_bytes(8))},
        {"finish", true},
        {"content", text}}}}.dump();
  const std::string encrypted = crypt_.encrypt(plain);
  return {200,
          "application/json",
          nlohmann::json{{"encrypt", encrypted},
                         {"msgsignature", crypt_.sign(in.query.timestamp, in.query.nonce, encrypted)},
                         {"timestamp", timestamp_value(in.query.timestamp)},
                         {"nonce", in.query.nonce}}
              .dump(),
          {}};
}

}  // namespace adapters::wecom
