#include "domain/broadcast/audience.hpp"

#include <map>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "storage/audience_store.hpp"
#include "storage/stores.hpp"

namespace domain::broadcast {

std::vector<std::int64_t> reporters_of(bot::services& svc, std::int64_t community_id,
                                       const std::string& category) {
  return storage::audience_store(svc.db.database).reporters_of(community_id, category);
}

std::size_t tell(bot::services& svc, const audience& to,
                 const std::function<std::vector<std::string>(bot::locale)>& render, const std::string& ref) {
  std::map<bot::locale, std::vector<std::string>> rendered;
  auto parts_in = [&](bot::locale l) -> const std::vector<std::string>& {
    auto it = rendered.find(l);
    if (it == rendered.end()) it = rendered.emplace(l, render(l)).first;
    return it->second;
  };
  const std::int64_t now = svc.clk.now_ms();
  auto send = [&](const bot::chat_ref& chat, bot::locale l) {
    for (const auto& part : parts_in(l))
      if (!part.empty())
        svc.db.outbox.enqueue(chat, bot::outgoing::plain(part), storage::priority::notice, ref, now);
  };
  if (!to.people) {
    const auto groups = broadcast_targets(svc, to.community_id, to.building);
    for (const auto& g : groups) send(g.ref, group_locale(svc, g));
    return groups.size();
  }
  const bot::locale l = bot::parse_locale(svc.cfg.community.lang).value_or(bot::locale::zh_CN);
  std::size_t sent = 0;
  for (auto id : *to.people) {
    auto member = svc.db.members.get(id);
    if (!member) continue;
    send(svc.db.chats.direct_chat_of(*member), l);
    ++sent;
  }
  return sent;
}

}  // namespace domain::broadcast
