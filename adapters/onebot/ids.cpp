#include "adapters/onebot/ids.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace adapters::onebot {

std::optional<std::string> id_text(const nlohmann::json& v) {
  if (v.is_number_integer() && v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15)
      return std::to_string(static_cast<std::int64_t>(d));
    return std::nullopt;
  }
  if (v.is_string() && !v.get_ref<const std::string&>().empty()) return v.get<std::string>();
  return std::nullopt;
}

std::optional<std::string> id_field(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  return id_text(*it);
}

bool is_number_text(const std::string& s) {
  if (s.empty() || s.size() > 20) return false;
  std::size_t i = s[0] == '-' ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

std::optional<std::string> number_field(const nlohmann::json& object, const char* key) {
  auto id = id_field(object, key);
  if (!id || !is_number_text(*id)) return std::nullopt;
  return id;
}

nlohmann::json id_json(const std::string& id) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), n);
  if (ec == std::errc() && end == id.data() + id.size() && is_number_text(id)) return n;
  return id;
}

}  // namespace adapters::onebot
