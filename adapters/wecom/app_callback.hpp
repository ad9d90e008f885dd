// The WeCom self-built app's callback, pure (protocols/wecom-wechat.md §1): GET verifies the URL
// (msg_signature over the echostr, which is decrypted and answered as plain text); POST carries
// <xml><Encrypt>…</Encrypt></xml> whose plaintext is the message. A member's text to the app
// becomes a direct message keyed by its MsgId (a 64-bit number kept as text), so WeCom's retries
// are processed once; other types and events are acknowledged and not read. Every check that
// fails is logged with its -4000x code and answered 401 or 400.
#pragma once
#include <optional>
#include <string>

#include "adapters/adapter.hpp"
#include "adapters/wecom/callback_guard.hpp"
#include "adapters/wecom/wx_crypt.hpp"
#include "bot/config.hpp"

namespace adapters::wecom {

inline constexpr std::string_view platform = "wecom";
inline constexpr std::string_view app_account = "app";      // chat_ref::account of the app's 1:1 chats
inline constexpr std::string_view robot_account = "robot";  // and of the group robots' groups

struct app_inbound {
  bot::http_response response;  // the answer unless a message waits for its passive reply
  std::optional<bot::message> message;
  callback_query query;  // its timestamp and nonce sign the passive reply
};

class app_callback {
 public:
  app_callback(const bot::wecom_config& cfg, wx_crypt crypt) : cfg_(cfg), crypt_(std::move(crypt)) {}
  // Refuses before the body is read what has no signature to check.
  std::optional<bot::http_response> check_headers(const bot::http_request& req) const;
  app_inbound verify_url(const bot::http_request& req, std::int64_t now_ms) const;
  app_inbound parse(const bot::http_request& req, std::int64_t now_ms) const;
  // The passive reply to `m` (encrypted, signed with the request's own timestamp and nonce).
  bot::http_response passive_reply(const app_inbound& in, const std::string& text, std::int64_t now_ms) const;

 private:
  const bot::wecom_config& cfg_;
  wx_crypt crypt_;
};

}  // namespace adapters::wecom
