#include "adapters/wechatbot/wechatbot_adapter.hpp"

#include <nlohmann/json.hpp>

#include "adapters/wechatbot/ids.hpp"
#include "adapters/wechatbot/source.hpp"
#include "bot/crypto.hpp"
#include "bot/json_parse.hpp"
#include "bot/log.hpp"
#include "bot/multipart.hpp"

namespace adapters::wechatbot {
namespace {

constexpr const char* accepted = R"({"success":true})";

inbound refuse(int status, std::string_view why) {
  bot::log::warn("wechatbot", "refused ({}): {}", status, why);
  return {{bot::json_error(status, why), {}}, std::nullopt, {}};
}

inbound answer(const char* body) {
  return {{{200, "application/json", body, {}}, {}}, std::nullopt, {}};
}

// The form's fields, each there at most once; flags "1" or "0".
struct fields {
  std::string type, content, source;
  bool system = false, mentioned = false, from_self = false;
};

std::string read_fields(const bot::multipart::form& form, fields& f) {
  for (const char* name : {"type", "content", "source", "isSystemEvent", "isMentioned", "isMsgFromSelf"})
    if (form.count(name) > 1) return std::string(name) + ": given twice";
  auto text = [&](const char* name) {
    const auto* p = form.find(name);
    return p ? p->body : std::string();
  };
  std::string why;
  auto flag = [&](const char* name, bool& out) {
    std::string v = text(name);
    if (v.empty() || v == "0" || v == "1")
      out = v == "1";
    else if (why.empty())
      why = std::string(name) + ": \"1\" or \"0\"";
  };
  flag("isSystemEvent", f.system);
  flag("isMentioned", f.mentioned);
  flag("isMsgFromSelf", f.from_self);
  if (!why.empty()) return why;
  f.type = text("type");
  if (f.type.empty()) return "type: required";
  f.content = text("content");
  f.source = text("source");
  return {};
}

// WeChat ends an @-mention with U+2005 (four-per-em space); estatebot's parser splits on spaces.
std::string plain_text(std::string text) {
  constexpr std::string_view four_per_em = "\u2005";
  for (std::size_t at = text.find(four_per_em); at != std::string::npos; at = text.find(four_per_em, at))
    text.replace(at, four_per_em.size(), " ");
  return text;
}

inbound text_message(const fields& f) {
  auto source = bot::parse_untrusted_json(f.source);
  if (!source.ok()) return refuse(400, "source: must be JSON");
  auto from = read_origin(source.value);
  if (!from.value) return refuse(400, from.error);
  bot::message m;
  m.chat = from.value->chat;
  m.chat_title = from.value->topic;
  m.sender = from.value->sender;
  m.text = plain_text(f.content);
  m.addressed_to_bot = f.mentioned;
  m.id = message_digest(m.chat, m.sender.id, f.type, f.content);
  inbound in = answer(accepted);
  in.result.events.emplace_back(std::move(m));
  in.room_id = from.value->room_id;
  return in;
}

inbound system_news(const fields& f) {
  auto read = read_system_event(f.type, f.content);
  if (!read.value) return refuse(400, read.error);
  inbound in = answer(accepted);
  using kind = system_event::kind;
  if (read.value->what == kind::login || read.value->what == kind::logout)
    in.result.events.emplace_back(
        bot::account_health{std::string(platform), "", read.value->what == kind::login, 0});
  in.system = std::move(read.value);
  return in;
}

inbound read_form(const bot::multipart::form& form) {
  fields f;
  if (std::string why = read_fields(form, f); !why.empty()) return refuse(400, why);
  if (f.system || f.type.rfind("system_event_", 0) == 0) return system_news(f);
  if (f.from_self) return answer(accepted);  // the bot's own words (ACCEPT_RECVD_MSG_MYSELF)
  if (f.type == "text") return text_message(f);
  if (f.type == "friendship") {
    bot::log::info("wechatbot", "a friend request is left for a person to accept on the phone");
    return answer(R"({"success":false,"message":"left for a person to accept"})");
  }
  bot::log::debug("wechatbot", "a {} message is not read", f.type);
  return answer(accepted);
}

}  // namespace

std::optional<bot::http_response> wechatbot_adapter::check_headers(const bot::http_request& req) const {
  const std::string token = req.query_param("token");
  if (token.empty()) return refuse(401, "missing ?token=").result.response;
  // Digests of equal length: the comparison tells nothing of the token's length either.
  if (!bot::crypto::constant_time_equal(bot::crypto::sha256_hex(token),
                                        bot::crypto::sha256_hex(cfg_.inbound_token)))
    return refuse(401, "bad token").result.response;
  return std::nullopt;
}

inbound wechatbot_adapter::parse_inbound(const bot::http_request& req) const {
  if (auto refusal = check_headers(req)) return {{*refusal, {}}, std::nullopt, {}};
  auto boundary = bot::multipart::boundary_of(req.header("content-type"));
  if (!boundary) return refuse(400, "Content-Type: multipart/form-data with a boundary required");
  auto form = bot::multipart::parse(req.body, *boundary);
  if (!form.value) return refuse(400, "multipart/form-data: " + form.error);
  return read_form(*form.value);
}

}  // namespace adapters::wechatbot
