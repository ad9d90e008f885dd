#include "adapters/wechatbot/ids.hpp"

#include <nlohmann/json.hpp>

#include "bot/crypto.hpp"

namespace adapters::wechatbot {
namespace {

constexpr std::string_view alias_prefix = "alias:";
constexpr std::string_view name_prefix = "name:";

}  // namespace

std::string member_id(std::string_view alias, std::string_view name) {
  if (!alias.empty()) return std::string(alias_prefix) + std::string(alias);
  if (!name.empty()) return std::string(name_prefix) + std::string(name);
  return {};
}

std::string name_in(std::string_view id) {
  for (auto prefix : {alias_prefix, name_prefix})
    if (id.substr(0, prefix.size()) == prefix) return std::string(id.substr(prefix.size()));
  return std::string(id);
}

nlohmann::json recipient(const bot::chat_ref& chat) {
  if (chat.is_group()) return {{"to", chat.id}, {"isRoom", true}};
  std::string_view id = chat.id;
  if (id.substr(0, alias_prefix.size()) == alias_prefix)
    return {{"to", {{"alias", std::string(id.substr(alias_prefix.size()))}}}, {"isRoom", false}};
  return {{"to", name_in(id)}, {"isRoom", false}};
}

std::string message_digest(const bot::chat_ref& chat, const std::string& sender_id, std::string_view type,
                           std::string_view content) {
  std::string data;
  // NUL-separated, so that ("a", "bc") and ("ab", "c") differ.
  for (std::string_view s : {std::string_view(chat.is_group() ? "g" : "d"), std::string_view(chat.id),
                             std::string_view(sender_id), type, content})
    data.append(s).push_back('\0');
  return bot::crypto::sha256_hex(data).substr(0, 32);
}

}  // namespace adapters::wechatbot
