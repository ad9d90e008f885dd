// Finding a colleague from the "@李师傅" after a command: by the user id of a real platform @, or
// by display name.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bot/command.hpp"
#include "bot/message.hpp"
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
// The staff member with that user id on the platform. Someone the bot never heard from is found
// too when the config lists them as staff (`name` becomes their display name until they speak).
staff_match find_staff_by_id(const bot::services& svc, const std::string& platform,
                             const std::string& user_id, const std::string& name, std::int64_t community_id);

// The colleague named by argument `index` of a command ("派单 12 @王师傅 原因"). A platform mention
// that starts there (a QQ @ picked from the member list, carried on the message with its user id)
// is resolved by user id first, whatever name it shows: a nickname, a group card with spaces, or
// only the QQ number; anything else is looked up by display name (console, webhook, typed names).
struct colleague {
  staff_match match;
  std::string name;      // as the user sees it, for refusals
  std::size_t next = 0;  // the index of the first argument after the name (the reason)
};
colleague find_colleague(const bot::services& svc, const bot::message& msg, const bot::args& a,
                         std::size_t index, std::int64_t community_id);

}  // namespace commands
