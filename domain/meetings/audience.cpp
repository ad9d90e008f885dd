#include "domain/meetings/audience.hpp"

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
                          const std::function<bot::outgoing(bot::locale)>& render, const std::string& ref) {
  if (!m.category)
    return broadcast::fan_out(svc, broadcast::broadcast_targets(svc, m.community_id, m.building), render,
                              storage::priority::notice, ref);
  const bot::locale l = bot::parse_locale(svc.cfg.community.lang).value_or(bot::locale::zh_CN);
  const auto body = render(l);
  std::size_t sent = 0;
  for (auto id : store.invited(m.id)) {
    auto member = svc.db.members.get(id);
    if (!member) continue;
    svc.db.outbox.enqueue(svc.db.chats.direct_chat_of(*member), body, storage::priority::notice, ref,
                          svc.clk.now_ms());
    ++sent;
  }
  return sent;
}

}  // namespace domain::meetings
