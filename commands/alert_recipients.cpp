#include "commands/alert_recipients.hpp"

#include "bot/config.hpp"
#include "bot/services.hpp"
#include "storage/stores.hpp"

namespace commands {

std::vector<bot::chat_ref> alert_recipients(bot::services& svc, std::int64_t community) {
  std::vector<bot::chat_ref> out;
  for (const auto& g : svc.db.chats.groups_of(community, std::nullopt, "managers")) out.push_back(g.ref);
  if (!out.empty()) return out;
  std::vector<std::string> managers = svc.cfg.roles.managers;
  for (const auto& m : svc.db.members.with_role(community, bot::role::manager))
    managers.push_back(m.platform + ":" + m.user_id);
  for (const auto& key : managers) {
    auto colon = key.find(':');
    bot::chat_ref direct{key.substr(0, colon), "", bot::chat_kind::direct, key.substr(colon + 1)};
    if (!svc.db.chats.find(direct)) continue;  // only where they talked to the bot
    // Through the bot account that heard them last: the one that can still reach them.
    if (auto m = svc.db.members.find(direct.platform, direct.id))
      out.push_back(svc.db.chats.direct_chat_of(*m));
  }
  if (!out.empty()) return out;
  for (const auto& g : svc.db.chats.groups_of(community, std::nullopt, "staff")) out.push_back(g.ref);
  return out;
}

}  // namespace commands
