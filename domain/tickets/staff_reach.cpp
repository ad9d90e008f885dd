#include "domain/tickets/staff_reach.hpp"

#include <set>

#include "bot/config.hpp"
#include "bot/log.hpp"
#include "storage/stores.hpp"

namespace domain::tickets {

std::vector<storage::chat_row> staff_without_group(const bot::services& svc, std::int64_t community_id) {
  std::vector<storage::chat_row> out;
  std::vector<storage::member_row> staff = svc.db.members.with_role(community_id, bot::role::staff);
  for (const auto& key : svc.cfg.roles.staff) {
    auto colon = key.find(':');
    if (auto m = svc.db.members.find(key.substr(0, colon), key.substr(colon + 1))) staff.push_back(*m);
  }
  std::set<std::int64_t> told;
  for (const auto& m : staff) {
    if (!told.insert(m.id).second) continue;
    // Only where they talked to the bot: a private message from a stranger is not a way to work.
    auto chat = svc.db.chats.find({m.platform, "", bot::chat_kind::direct, m.user_id});
    if (!chat) continue;
    chat->ref = svc.db.chats.direct_chat_of(m);
    out.push_back(*chat);
  }
  if (!out.empty()) {
    bot::log::warn(
        "tickets",
        "no staff group in community {}: told {} staff privately (register one: 绑定小区 <名称> 员工群)",
        community_id, out.size());
    return out;
  }
  out = svc.db.chats.groups_of(community_id, std::nullopt, "managers");
  if (!out.empty()) {
    bot::log::warn("tickets",
                   "no staff group in community {} and no staff in private chat: told the managers' group",
                   community_id);
    return out;
  }
  bot::log::warn("tickets",
                 "no staff group in community {}, no staff in private chat and no managers' group: nobody "
                 "hears of this ticket (register one: 绑定小区 <名称> 员工群)",
                 community_id);
  return out;
}

}  // namespace domain::tickets
