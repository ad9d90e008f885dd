// The message crypto of WeCom callbacks and WeChat Official Account safe mode ("WXBizMsgCrypt"):
// SHA1 signatures over sorted strings, AES-256-CBC with 32-byte PKCS#7 padding
// (protocols/wecom-wechat.md §1.2–§1.5, §3).
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace adapters::wecom {

// The -4000x codes of Tencent's WXBizMsgCrypt samples (protocols/wecom-wechat.md §1.7).
enum class crypt_error : int {
  ok = 0,
  bad_signature = -40001,
  parse = -40002,
  sha = -40003,
  bad_key = -40004,
  bad_receive_id = -40005,
  encrypt = -40006,
  decrypt = -40007,
  bad_buffer = -40008,
  base64_encode = -40009,
  base64_decode = -40010,
  reply = -40011
};

// Short English words for logs, e.g. "signature validation failed".
std::string_view describe(crypt_error e);

// SHA1 hex (lower case) of the byte-wise sorted concatenation of the given strings, no separators:
// (token, timestamp, nonce) for the Official Account's plain signature, plus the Encrypt text for
// msg_signature.
std::string sorted_sha1(std::initializer_list<std::string_view> parts);

class wx_crypt {
 public:
  // nullopt when encoding_aes_key is not exactly 43 characters of [A-Za-z0-9] that decode (with "="
  // appended) to 32 bytes.
  static std::optional<wx_crypt> make(std::string token, std::string_view encoding_aes_key,
                                      std::string receive_id);

  // Constant-time comparison of msg_signature with sorted_sha1({token, timestamp, nonce, encrypt}).
  bool verify(std::string_view msg_signature, std::string_view timestamp, std::string_view nonce,
              std::string_view encrypt) const;
  std::string sign(std::string_view timestamp, std::string_view nonce, std::string_view encrypt) const;

  struct opened {
    crypt_error error = crypt_error::ok;
    std::string message;  // set when error is ok
  };
  // base64 → AES-256-CBC (IV = key[0..16)) → 32-byte PKCS#7 padding checked → 16 random bytes,
  // 4-byte big-endian length, message, receive id (must match exactly). Errors: base64_decode,
  // decrypt (not whole AES blocks), bad_buffer (padding or length wrong), bad_receive_id.
  opened decrypt(std::string_view base64_ciphertext) const;

  // The inverse, base64 encoded; `random16` must be 16 bytes (std::invalid_argument otherwise).
  std::string encrypt(std::string_view message, std::string_view random16) const;
  // With a random prefix from the OS CSPRNG.
  std::string encrypt(std::string_view message) const;

  const std::string& token() const { return token_; }
  const std::string& receive_id() const { return receive_id_; }

 private:
  wx_crypt(std::string token, std::string key, std::string receive_id)
      : token_(std::move(token)), key_(std::move(key)), receive_id_(std::move(receive_id)) {}

  std::string token_;
  std::string key_;  // the 32 AES key bytes
  std::string receive_id_;
};

}  // namespace adapters::wecom
