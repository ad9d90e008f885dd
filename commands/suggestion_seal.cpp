#include "commands/suggestion_seal.hpp"

#include <nlohmann/json.hpp>

#include "bot/crypto.hpp"
#include "bot/log.hpp"

namespace commands {
namespace {

std::string relay_key(const bot::config& cfg) {
  if (!cfg.suggestions.relay_key.empty())
    return bot::crypto::from_hex(cfg.suggestions.relay_key).value_or("");
  static const std::string per_run = [] {
    bot::log::warn("suggestions",
                   "no relay key configured ([suggestions] relay_key or ESTATEBOT_SUGGESTIONS_RELAY_KEY): "
                   "replies reach anonymous writers only until the next restart");
    return bot::crypto::random_bytes(32);
  }();
  return per_run;
}

}  // namespace

std::string seal_writer(const bot::config& cfg, const sealed_writer& w, std::string_view purpose) {
  nlohmann::json j{{"p", w.chat.platform}, {"a", w.chat.account}, {"i", w.chat.id}, {"l", w.lang}};
  return bot::crypto::to_hex(bot::crypto::aes256gcm_seal(relay_key(cfg), j.dump(), purpose));
}

std::optional<sealed_writer> open_writer(const bot::config& cfg, std::string_view sealed,
                                         std::string_view purpose) {
  auto raw = bot::crypto::from_hex(sealed);
  if (!raw) return std::nullopt;
  auto plain = bot::crypto::aes256gcm_open(relay_key(cfg), *raw, purpose);
  if (!plain) return std::nullopt;
  auto j = nlohmann::json::parse(*plain, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  sealed_writer w;
  w.chat = {j.value("p", ""), j.value("a", ""), bot::chat_kind::direct, j.value("i", "")};
  w.lang = j.value("l", "");
  return w;
}

std::string quota_bucket(const bot::config& cfg, const bot::user_ref& writer, std::int64_t window_start) {
  return bot::crypto::hmac_sha256_hex(
      relay_key(cfg), "quota/" + std::to_string(window_start) + "/" + writer.platform + "/" + writer.id);
}

}  // namespace commands
