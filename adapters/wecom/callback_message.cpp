#include "adapters/wecom/callback_message.hpp"

#include <nlohmann/json.hpp>

#include "bot/json_parse.hpp"

namespace adapters::wecom {
namespace {

bool decimal(std::string_view s, std::size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return false;
  for (char ch : s)
    if (ch < '0' || ch > '9') return false;
  return true;
}

}  // namespace

std::string field(const xml_fields& f, std::string_view name) {
  auto it = f.find(name);
  return it == f.end() ? std::string() : it->second;
}

std::optional<xml_fields> read_fields(std::string_view plaintext) {
  const std::size_t first = plaintext.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || plaintext[first] != '{') return read_xml(plaintext);
  auto parsed = bot::parse_untrusted_json(plaintext);
  if (!parsed.ok() || !parsed.value.is_object()) return std::nullopt;
  xml_fields fields;
  for (const auto& [key, value] : parsed.value.items()) {
    if (value.is_string())
      fields.emplace(key, value.get<std::string>());
    else if (value.is_number_integer())
      fields.emplace(key, value.dump());
  }
  return fields;
}

text_read direct_text(const xml_fields& f, std::string_view platform, std::string_view account) {
  const std::string from = field(f, "FromUserName");
  const std::string id = field(f, "MsgId");
  if (from.empty() || from.size() > 128) return {std::nullopt, "FromUserName missing or too long"};
  if (!decimal(id, 20)) return {std::nullopt, "MsgId is not a number"};
  bot::message m;
  m.id = id;
  m.chat = {std::string(platform), std::string(account), bot::chat_kind::direct, from};
  m.sender = {std::string(platform), from, ""};
  m.text = field(f, "Content");
  m.addressed_to_bot = true;  // a 1:1 chat with the bot
  const std::string created = field(f, "CreateTime");
  if (decimal(created, 12)) m.unix_ms = bot::platform_time_ms(std::stod(created));
  return {std::move(m), {}};
}

}  // namespace adapters::wecom
