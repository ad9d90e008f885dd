#include "adapters/wechatbot/system_event.hpp"

#include <nlohmann/json.hpp>

#include "bot/json_parse.hpp"

namespace adapters::wechatbot {
namespace {

using nlohmann::json;

constexpr std::size_t max_error_text = 200;

system_event::kind kind_named(std::string_view name) {
  if (name == "login") return system_event::kind::login;
  if (name == "logout") return system_event::kind::logout;
  if (name == "error") return system_event::kind::error;
  return system_event::kind::other;
}

std::string string_at(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// At most max_error_text bytes, cut on a character boundary.
std::string shortened(std::string text) {
  if (text.size() <= max_error_text) return text;
  std::size_t cut = max_error_text;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text + "…";
}

}  // namespace

system_event_result read_system_event(std::string_view type, std::string_view content) {
  auto parsed = bot::parse_untrusted_json(content);
  if (!parsed.ok() || !parsed.value.is_object())
    return {std::nullopt, "content: a system event carries a JSON object"};
  const json& j = parsed.value;
  system_event e;
  constexpr std::string_view prefix = "system_event_";
  if (type.substr(0, prefix.size()) == prefix)
    e.what = kind_named(type.substr(prefix.size()));
  else
    e.what = kind_named(string_at(j, "event"));
  if (auto user = j.find("user"); user != j.end() && user->is_object())
    if (auto payload = user->find("payload"); payload != user->end() && payload->is_object())
      e.user = string_at(*payload, "name");
  if (auto error = j.find("error"); error != j.end()) {
    if (error->is_string())
      e.error = shortened(error->get<std::string>());
    else if (!error->is_null() && !error->empty())
      e.error = shortened(error->dump(-1, ' ', false, json::error_handler_t::replace));
  }
  return {std::move(e), {}};
}

}  // namespace adapters::wechatbot
