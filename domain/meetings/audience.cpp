#include "domain/meetings/audience.hpp"

#include <map>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "storage/stores.hpp"

namespace domain::meetings {

std::string meeting_ref(std::int64_t id) {
  return "meeting:" + std::to_string(id);
}

std::int64_t call_meeting(bot::services& svc, storage::meeting_row m) {
  storage::meeting_store store(svc.db.database);
  m.created_at = svc.clk.now_ms();
  const std::int64_t id = store.create(m);
  if (m.category) store.invite(id, store.reporters_of(m.community_id, *m.category));
  if (m.starts_at - remind_before_ms > m.created_at)
    svc.db.jobs.schedule(remind_timer.name, remind_timer.ref(id), m.starts_at - remind_before_ms, "{}",
                         m.created_at);
  return id;
}

std::size_t tell_audience(bot::services& svc, storage::meeting_store& store, const storage::meeting_row& m,
                          const std::function<std::vector<std::string>(bot::locale)>& render,
                          const std::string& ref) {
  std::map<bot::locale, std::vector<std::string>> rendered;
  auto parts_in = [&](bot::locale l) -> const std::vector<std::string>& {
    auto it = rendered.find(l);
    if (it == rendered.end()) it = rendered.emplace(l, render(l)).first;
    return it->second;
  };
  const std::int64_t now = svc.clk.now_ms();
  auto send = [&](const bot::chat_ref& to, bot::locale l) {
    for (const auto& part : parts_in(l))
      if (!part.empty())
        svc.db.outbox.enqueue(to, bot::outgoing::plain(part), storage::priority::notice, ref, now);
  };
  if (!m.category) {
    const auto groups = broadcast::broadcast_targets(svc, m.community_id, m.building);
    for (const auto& g : groups) send(g.ref, broadcast::group_locale(svc, g));
    return groups.size();
  }
  const bot::locale l = bot::parse_locale(svc.cfg.community.lang).value_or(bot::locale::zh_CN);
  std::size_t sent = 0;
  for (auto id : store.invited(m.id)) {
    auto member = svc.db.members.get(id);
    if (!member) continue;
    send(svc.db.chats.direct_chat_of(*member), l);
    ++sent;
  }
  return sent;
}

}  // namespace domain::meetings
