// Finding a colleague from the "@李师傅" typed after a command.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bot/role.hpp"
#include "bot/services.hpp"
#include "storage/member_store.hpp"

namespace commands {

struct staff_match {
  std::optional<storage::member_row> member;
  std::string refusal;  // text id when not found (fields: name, n)
  std::size_t count = 0;
};

// "@李师傅", "＠李师傅" or "李师傅": the one staff member of that display name on the platform.
// Only people the bot has heard from can be found (names come from their messages).
staff_match find_staff(const bot::services& svc, const std::string& platform, std::string_view word,
                       std::int64_t community_id);
std::string strip_at(std::string_view word);  // "@李师傅" → "李师傅"

}  // namespace commands
