// Signatures and digests the platforms use (OpenSSL underneath). Compare secrets only with
// constant_time_equal.
#pragma once
#include <string>
#include <string_view>

namespace bot::crypto {

std::string hmac_sha256_hex(std::string_view key, std::string_view data);  // lower-case hex
std::string hmac_sha1_hex(std::string_view key, std::string_view data);
std::string sha1_hex(std::string_view data);
std::string sha256_hex(std::string_view data);
std::string to_hex(std::string_view bytes);
bool constant_time_equal(std::string_view a, std::string_view b);
std::string random_hex(std::size_t bytes);  // from the OS CSPRNG

}  // namespace bot::crypto
