// The suggestion box's secret and what is kept under it, so that nothing on disk names an
// anonymous writer: the relay key ([suggestions] relay_key or ESTATEBOT_SUGGESTIONS_RELAY_KEY;
// without one, a random key that lives only as long as the process), AES-256-GCM seals and keyed
// hashes. The dispatcher, the outbox and the suggestion box all seal with it.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "bot/config.hpp"
#include "bot/message.hpp"

namespace bot::relay_seal {

// `purpose` is authenticated with the seal: a seal made for one use does not open for another.
std::string seal(const config& cfg, std::string_view plaintext, std::string_view purpose);  // hex
std::optional<std::string> open(const config& cfg, std::string_view sealed, std::string_view purpose);
// HMAC-SHA256 (hex) under the relay key: cannot be recomputed from a guess without the key.
std::string keyed_hash(const config& cfg, std::string_view data);

// A chat sealed for the outbox (rows to anonymous writers), and opened again just before a send.
std::string seal_chat(const config& cfg, const chat_ref& chat);
std::optional<chat_ref> open_chat(const config& cfg, std::string_view sealed);

}  // namespace bot::relay_seal
