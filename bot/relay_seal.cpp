#include "bot/relay_seal.hpp"

#include <nlohmann/json.hpp>

#include "bot/crypto.hpp"
#include "bot/log.hpp"

namespace bot::relay_seal {
namespace {

constexpr std::string_view outbox_purpose = "outbox";

std::string key_of(const config& cfg) {
  if (!cfg.suggestions.relay_key.empty()) return crypto::from_hex(cfg.suggestions.relay_key).value_or("");
  static const std::string per_run = [] {
    log::warn("suggestions",
              "no relay key configured ([suggestions] relay_key or ESTATEBOT_SUGGESTIONS_RELAY_KEY): "
              "replies reach anonymous writers only until the next restart");
    return crypto::random_bytes(32);
  }();
  return per_run;
}

}  // namespace

std::string seal(const config& cfg, std::string_view plaintext, std::string_view purpose) {
  return crypto::to_hex(crypto::aes256gcm_seal(key_of(cfg), plaintext, purpose));
}

std::optional<std::string> open(const config& cfg, std::string_view sealed, std::string_view purpose) {
  auto raw = crypto::from_hex(sealed);
  if (!raw) return std::nullopt;
  return crypto::aes256gcm_open(key_of(cfg), *raw, purpose);
}

std::string keyed_hash(const config& cfg, std::string_view data) {
  return crypto::hmac_sha256_hex(key_of(cfg), data);
}

std::string seal_chat(const config& cfg, const chat_ref& chat) {
  nlohmann::json j{{"p", chat.platform}, {"a", chat.account}, {"i", chat.id}};
  return seal(cfg, j.dump(), outbox_purpose);
}

std::optional<chat_ref> open_chat(const config& cfg, std::string_view sealed) {
  auto plain = open(cfg, sealed, outbox_purpose);
  if (!plain) return std::nullopt;
  auto j = nlohmann::json::parse(*plain, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  return chat_ref{j.value("p", ""), j.value("a", ""), chat_kind::direct, j.value("i", "")};
}

}  // namespace bot::relay_seal
