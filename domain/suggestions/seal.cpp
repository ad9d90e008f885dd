#include "domain/suggestions/seal.hpp"

#include <nlohmann/json.hpp>

#include "bot/relay_seal.hpp"

namespace domain::suggestions {

std::string seal_writer(const bot::config& cfg, const sealed_writer& w, std::string_view purpose) {
  nlohmann::json j{{"p", w.chat.platform}, {"a", w.chat.account}, {"i", w.chat.id}, {"l", w.lang}};
  return bot::relay_seal::seal(cfg, j.dump(), purpose);
}

std::optional<sealed_writer> open_writer(const bot::config& cfg, std::string_view sealed,
                                         std::string_view purpose) {
  auto plain = bot::relay_seal::open(cfg, sealed, purpose);
  if (!plain) return std::nullopt;
  auto j = nlohmann::json::parse(*plain, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  sealed_writer w;
  w.chat = {j.value("p", ""), j.value("a", ""), bot::chat_kind::direct, j.value("i", "")};
  w.lang = j.value("l", "");
  return w;
}

std::string relay_purpose(std::int64_t ticket_id) {
  return "ticket:" + std::to_string(ticket_id);
}

std::string quota_bucket(const bot::config& cfg, const bot::user_ref& writer, std::int64_t window_start) {
  return bot::relay_seal::keyed_hash(
      cfg, "quota/" + std::to_string(window_start) + "/" + writer.platform + "/" + writer.id);
}

}  // namespace domain::suggestions
