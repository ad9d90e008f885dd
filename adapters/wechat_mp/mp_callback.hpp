// The WeChat Official Account's message push, pure (protocols/wecom-wechat.md §3). GET verifies
// the URL: the plain signature over (token, timestamp, nonce), the echostr answered verbatim. POST
// in plain mode: the same signature, the message XML in the body. In safe mode (encrypt_type=aes):
// msg_signature over the Encrypt text too, decrypted with the receive id = app_id (the crypto is
// WeCom's, adapters/wecom). A user's text becomes a direct message keyed by MsgId; events and other
// types are answered "success" and not read. The passive reply is encrypted when the request was.
#pragma once
#include <optional>
#include <string>

#include "adapters/wecom/callback_guard.hpp"
#include "adapters/wecom/wx_crypt.hpp"
#include "bot/config.hpp"
#include "bot/message.hpp"

namespace adapters::wechat_mp {

inline constexpr std::string_view platform = "wechat_mp";

struct mp_inbound {
  bot::http_response response;
  std::optional<bot::message> message;
  wecom::callback_query query;
  std::string account;  // ToUserName: the account's own id (gh_…), the passive reply's sender
  bool encrypted = false;
};

class mp_callback {
 public:
  explicit mp_callback(const bot::wechat_mp_config& cfg);
  std::optional<bot::http_response> check_headers(const bot::http_request& req) const;
  mp_inbound verify_url(const bot::http_request& req, std::int64_t now_ms) const;
  mp_inbound parse(const bot::http_request& req, std::int64_t now_ms) const;
  bot::http_response passive_reply(const mp_inbound& in, const std::string& text, std::int64_t now_ms) const;

 private:
  const bot::wechat_mp_config& cfg_;
  std::optional<wecom::wx_crypt> crypt_;  // safe mode
};

}  // namespace adapters::wechat_mp
