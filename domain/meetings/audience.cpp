#include "domain/meetings/audience.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "domain/broadcast/audience.hpp"
#include "storage/stores.hpp"

namespace domain::meetings {

std::string meeting_ref(std::int64_t id) {
  return "meeting:" + std::to_string(id);
}

std::int64_t call_meeting(bot::services& svc, storage::meeting_row m) {
  storage::meeting_store store(svc.db.database);
  m.created_at = svc.clk.now_ms();
  const std::int64_t id = store.create(m);
  if (m.category) store.invite(id, broadcast::reporters_of(svc, m.community_id, *m.category));
  if (m.starts_at - remind_before_ms > m.created_at)
    svc.db.jobs.schedule(remind_timer.name, remind_timer.ref(id), m.starts_at - remind_before_ms, "{}",
                         m.created_at);
  return id;
}

std::size_t tell_audience(bot::services& svc, storage::meeting_store& store, const storage::meeting_row& m,
                          const std::function<std::vector<std::string>(bot::locale)>& render,
                          const std::string& ref) {
  broadcast::audience to{m.community_id, m.building, std::nullopt};
  if (m.category) to.people = store.invited(m.id);
  return broadcast::tell(svc, to, render, ref);
}

}  // namespace domain::meetings
