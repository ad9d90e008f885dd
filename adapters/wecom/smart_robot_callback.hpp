// The smart robot's callback (智能机器人, API mode; docs 100719, 101031, 101033), pure. The same
// crypto as the app with an empty receive id, in JSON: GET verifies the URL with an encrypted
// echostr; POST carries {"encrypt": "…"} whose plaintext is {"msgid", "aibotid", "chatid",
// "chattype": "group"|"single", "from": {"userid"}, "response_url", "msgtype", "text":
// {"content"}}. WeCom calls only when the robot is @-mentioned in a group (the content starts with
// that @name, which is dropped) or spoken to 1:1. The answer is encrypted JSON
// {"encrypt", "msgsignature", "timestamp", "nonce"} around a finished stream message.
#pragma once
#include <optional>
#include <string>

#include "adapters/wecom/callback_guard.hpp"
#include "adapters/wecom/wx_crypt.hpp"
#include "bot/config.hpp"
#include "bot/message.hpp"

namespace adapters::wecom {

inline constexpr std::string_view smart_account = "smart";  // chat_ref::account of its chats
inline constexpr std::size_t stream_bytes = 20'480;         // a stream message's content (doc 100719)

struct smart_inbound {
  bot::http_response response;
  std::optional<bot::message> message;
  std::string chat_id;       // the group's chatid ("" in a 1:1 chat)
  std::string response_url;  // one later answer may go here, within an hour
  callback_query query;
};

class smart_robot_callback {
 public:
  smart_robot_callback(const bot::wecom_config& cfg, wx_crypt crypt) : cfg_(cfg), crypt_(std::move(crypt)) {}
  std::optional<bot::http_response> check_headers(const bot::http_request& req) const;
  smart_inbound verify_url(const bot::http_request& req, std::int64_t now_ms) const;
  smart_inbound parse(const bot::http_request& req, std::int64_t now_ms) const;
  // A finished stream message carrying `text` (markdown), encrypted and signed.
  bot::http_response passive_reply(const smart_inbound& in, const std::string& text) const;

 private:
  const bot::wecom_config& cfg_;
  wx_crypt crypt_;
};

}  // namespace adapters::wecom
