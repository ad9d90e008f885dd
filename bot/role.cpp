#include "bot/role.hpp"

#include <array>
#include <utility>

namespace bot {

std::string_view role_name(role r) {
  switch (r) {
    case role::resident: return "resident";
    case role::owner: return "owner";
    case role::staff: return "staff";
    case role::manager: return "manager";
    case role::admin: return "admin";
  }
  return "resident";
}

std::optional<role> parse_role(std::string_view word) {
  static constexpr std::array<std::pair<std::string_view, role>, 12> names{{
      {"resident", role::resident}, {"住户", role::resident}, {"owner", role::owner},
      {"业主", role::owner},        {"staff", role::staff},   {"员工", role::staff},
      {"物业", role::staff},        {"manager", role::manager}, {"经理", role::manager},
      {"admin", role::admin},       {"管理员", role::admin},  {"师傅", role::staff},
  }};
  for (const auto& [name, r] : names)
    if (name == word) return r;
  return std::nullopt;
}

}  // namespace bot
