#include "adapters/wecom/wx_crypt.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include "bot/crypto.hpp"

namespace adapters::wecom {
namespace {

constexpr std::size_t wx_key_chars = 43;
constexpr std::size_t wx_key_bytes = 32;
constexpr std::size_t wx_random_bytes = 16;
constexpr std::size_t wx_header = wx_random_bytes + 4;  // random ‖ big-endian length
constexpr std::size_t wx_pad_block = 32;                // PKCS#7 to 32, not AES's 16
constexpr std::size_t wx_aes_block = 16;

using wx_cipher_ctx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* wx_bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

bool wx_key_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// AES-256-CBC without OpenSSL's padding; `in` must be whole blocks. nullopt on an EVP failure.
std::optional<std::string> wx_cbc(bool encrypting, std::string_view key, std::string_view in) {
  if (in.size() > static_cast<std::size_t>(INT_MAX - wx_aes_block)) return std::nullopt;
  wx_cipher_ctx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  std::string out(in.size() + wx_aes_block, '\0');
  auto* dst = reinterpret_cast<unsigned char*>(out.data());
  const auto* iv = wx_bytes(key.substr(0, wx_aes_block));
  int len = 0, tail = 0;
  bool ok = ctx &&
            EVP_CipherInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, wx_bytes(key), iv, encrypting) == 1 &&
            EVP_CIPHER_CTX_set_padding(ctx.get(), 0) == 1 &&
            EVP_CipherUpdate(ctx.get(), dst, &len, wx_bytes(in), static_cast<int>(in.size())) == 1 &&
            EVP_CipherFinal_ex(ctx.get(), dst + len, &tail) == 1;
  if (!ok) return std::nullopt;
  out.resize(static_cast<std::size_t>(len) + static_cast<std::size_t>(tail));
  return out;
}

}  // namespace

std::string_view describe(crypt_error e) {
  switch (e) {
    case crypt_error::ok:
      return "ok";
    case crypt_error::bad_signature:
      return "signature validation failed";
    case crypt_error::parse:
      return "parsing the body failed";
    case crypt_error::sha:
      return "computing the SHA signature failed";
    case crypt_error::bad_key:
      return "illegal EncodingAESKey";
    case crypt_error::bad_receive_id:
      return "receive id mismatch";
    case crypt_error::encrypt:
      return "AES encryption failed";
    case crypt_error::decrypt:
      return "AES decryption failed";
    case crypt_error::bad_buffer:
      return "decrypted buffer illegal";
    case crypt_error::base64_encode:
      return "base64 encoding failed";
    case crypt_error::base64_decode:
      return "base64 decoding failed";
    case crypt_error::reply:
      return "generating the reply failed";
  }
  return "unknown error";
}

std::string sorted_sha1(std::initializer_list<std::string_view> parts) {
  // std::string_view compares through char_traits<char>, i.e. as unsigned bytes.
  std::vector<std::string_view> sorted(parts);
  std::sort(sorted.begin(), sorted.end());
  std::string joined;
  for (std::string_view part : sorted) joined.append(part);
  return bot::crypto::sha1_hex(joined);
}

std::optional<wx_crypt> wx_crypt::make(std::string token, std::string_view encoding_aes_key,
                                       std::string receive_id) {
  if (encoding_aes_key.size() != wx_key_chars ||
      !std::all_of(encoding_aes_key.begin(), encoding_aes_key.end(), wx_key_char))
    return std::nullopt;
  auto key = bot::crypto::base64_decode(std::string(encoding_aes_key) + "=");
  if (!key || key->size() != wx_key_bytes) return std::nullopt;
  return wx_crypt(std::move(token), std::move(*key), std::move(receive_id));
}

bool wx_crypt::verify(std::string_view msg_signature, std::string_view timestamp, std::string_view nonce,
                      std::string_view encrypt) const {
  return bot::crypto::constant_time_equal(msg_signature, sign(timestamp, nonce, encrypt));
}

std::string wx_crypt::sign(std::string_view timestamp, std::string_view nonce,
                           std::string_view encrypt) const {
  return sorted_sha1({token_, timestamp, nonce, encrypt});
}

wx_crypt::opened wx_crypt::decrypt(std::string_view base64_ciphertext) const {
  auto cipher = bot::crypto::base64_decode(base64_ciphertext);
  if (!cipher) return {crypt_error::base64_decode, {}};
  if (cipher->empty() || cipher->size() % wx_aes_block != 0) return {crypt_error::decrypt, {}};
  auto plain = wx_cbc(false, key_, *cipher);
  if (!plain || plain->size() != cipher->size()) return {crypt_error::decrypt, {}};

  const std::size_t pad = static_cast<unsigned char>(plain->back());
  if (pad < 1 || pad > wx_pad_block || pad > plain->size()) return {crypt_error::bad_buffer, {}};
  for (std::size_t i = plain->size() - pad; i < plain->size(); ++i)
    if (static_cast<unsigned char>((*plain)[i]) != pad) return {crypt_error::bad_buffer, {}};
  std::string_view content(plain->data(), plain->size() - pad);
  if (content.size() < wx_header) return {crypt_error::bad_buffer, {}};

  std::uint32_t length = 0;
  for (std::size_t i = wx_random_bytes; i < wx_header; ++i)
    length = (length << 8) | static_cast<unsigned char>(content[i]);
  if (length > content.size() - wx_header) return {crypt_error::bad_buffer, {}};
  if (content.substr(wx_header + length) != receive_id_) return {crypt_error::bad_receive_id, {}};
  return {crypt_error::ok, std::string(content.substr(wx_header, length))};
}

std::string wx_crypt::encrypt(std::string_view message, std::string_view random16) const {
  if (random16.size() != wx_random_bytes) throw std::invalid_argument("the random prefix must be 16 bytes");
  if (message.size() > UINT32_MAX) throw std::invalid_argument("message too long");
  const auto length = static_cast<std::uint32_t>(message.size());
  std::string plain(random16);
  for (int shift = 24; shift >= 0; shift -= 8) plain.push_back(static_cast<char>((length >> shift) & 0xFF));
  plain.append(message);
  plain.append(receive_id_);
  const std::size_t pad = wx_pad_block - plain.size() % wx_pad_block;  // 1..32
  plain.append(pad, static_cast<char>(pad));
  auto cipher = wx_cbc(true, key_, plain);
  if (!cipher) throw std::runtime_error("AES-256-CBC encryption failed");
  return bot::crypto::base64_encode(*cipher);
}

std::string wx_crypt::encrypt(std::string_view message) const {
  return encrypt(message, bot::crypto::random_bytes(wx_random_bytes));
}

}  // namespace adapters::wecom
