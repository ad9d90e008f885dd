// Signatures and digests the platforms use (OpenSSL underneath). Compare secrets only with
// constant_time_equal.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bot::crypto {

std::string hmac_sha256_hex(std::string_view key, std::string_view data);  // lower-case hex
std::string hmac_sha1_hex(std::string_view key, std::string_view data);
std::string sha1_hex(std::string_view data);
std::string sha256_hex(std::string_view data);
std::string to_hex(std::string_view bytes);
bool constant_time_equal(std::string_view a, std::string_view b);
std::string random_bytes(std::size_t n);                    // from the OS CSPRNG
std::optional<std::string> from_hex(std::string_view hex);  // nullopt unless an even count of hex digits
// Standard alphabet with '=' padding.
std::string base64_encode(std::string_view bytes);
// Strict: standard alphabet only, length a multiple of 4, '=' only as the last one or two characters.
// The unused low bits of the last character are not checked (EncodingAESKeys need that leniency).
std::optional<std::string> base64_decode(std::string_view text);

// AES-256-GCM with a fresh random 96-bit nonce; the result is nonce ‖ ciphertext ‖ 128-bit tag.
// `aad` is authenticated but not stored: opening needs the same aad (it binds a seal to its use).
std::string aes256gcm_seal(std::string_view key, std::string_view plaintext, std::string_view aad);
// nullopt when the key, the aad or any byte is wrong.
std::optional<std::string> aes256gcm_open(std::string_view key, std::string_view sealed,
                                          std::string_view aad);

}  // namespace bot::crypto
