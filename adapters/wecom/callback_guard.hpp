// What WeCom and the WeChat Official Account put in a callback's URL, and the checks every
// callback passes before its body is believed (protocols/wecom-wechat.md §1.2–§1.4, §3): the
// SHA1 signature over the sorted token, timestamp, nonce (and Encrypt) in constant time, the
// timestamp within a window, then decryption with the receive id checked. A failure carries the
// -4000x code of Tencent's samples for the log and the HTTP status: 401 when the caller is not who
// it says (signature, timestamp, receive id), 400 when the body is malformed.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/wecom/wx_crypt.hpp"
#include "bot/http_types.hpp"

namespace adapters::wecom {

struct callback_query {
  std::string signature;      // the Official Account's plain signature
  std::string msg_signature;  // over the Encrypt text as well
  std::string timestamp, nonce;
  std::string echostr;       // URL verification
  std::string encrypt_type;  // "aes" in the Official Account's safe mode
  std::string openid;        // the Official Account names the user here too
};

// Percent-decoded without turning '+' into a space: the echostr is Base64 (§1.2).
callback_query read_query(const bot::http_request& req);

struct check {
  crypt_error code = crypt_error::ok;
  int status = 200;
  std::string why;     // for the log
  std::string opened;  // the plaintext when the check decrypted something
  bool ok() const { return code == crypt_error::ok; }
};

// Whether the timestamp is decimal seconds within window_s of now.
bool fresh(std::string_view timestamp, std::int64_t now_ms, int window_s);

// msg_signature over (token, timestamp, nonce, encrypted), the timestamp, then decryption.
check open_signed(const wx_crypt& crypt, const callback_query& q, std::string_view encrypted,
                  std::int64_t now_ms, int window_s);
// The plain signature over (token, timestamp, nonce) and the timestamp (Official Account, plain mode).
check check_plain(std::string_view token, const callback_query& q, std::int64_t now_ms, int window_s);

// Logs the refusal with its code and returns the HTTP answer (a short plain text, no detail).
bot::http_response refuse(std::string_view module, const check& c);

// 401 before the body is read when msg_signature, timestamp or nonce is missing (the encrypted
// callbacks: the app's and the smart robot's).
std::optional<bot::http_response> unsigned_refusal(std::string_view module, const bot::http_request& req);

}  // namespace adapters::wecom
