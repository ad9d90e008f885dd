// Roles, from least to most trusted. A higher role may do everything a lower one may.
#pragma once
#include <optional>
#include <string_view>

namespace bot {

enum class role { resident = 0, owner = 1, staff = 2, manager = 3, admin = 4 };

std::string_view role_name(role r);                        // "resident", "owner", ...
std::optional<role> parse_role(std::string_view word);     // accepts English and Chinese names
inline bool at_least(role have, role need) { return static_cast<int>(have) >= static_cast<int>(need); }

}  // namespace bot
