#include "adapters/onebot12/ids.hpp"

#include <nlohmann/json.hpp>

namespace adapters::onebot12 {

std::string qualified(std::string_view platform, std::string_view id) {
  std::string out(platform);
  out += ':';
  out += id;
  return out;
}

std::string_view platform_of(std::string_view account) {
  return account.substr(0, account.find(':'));
}

std::string wire_id(std::string_view account, std::string_view id) {
  const std::string prefix = std::string(platform_of(account)) + ":";
  return std::string(id.starts_with(prefix) ? id.substr(prefix.size()) : id);
}

bool valid_platform(std::string_view platform) {
  if (platform.empty() || platform.size() > 32) return false;
  for (char ch : platform)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '.'))
      return false;
  return true;
}

std::optional<std::string> id_text(const nlohmann::json& v) {
  if (v.is_string() && !v.get_ref<const std::string&>().empty()) return v.get<std::string>();
  if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  return std::nullopt;
}

}  // namespace adapters::onebot12
