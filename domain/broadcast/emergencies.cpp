#include "domain/broadcast/emergencies.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/member_role.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "storage/stores.hpp"

namespace domain::broadcast {

std::vector<storage::chat_row> reachable_groups(bot::services& svc, const storage::emergency_row& e) {
  std::vector<storage::chat_row> out;
  for (auto id : svc.db.emergencies.group_ids(e.id))
    if (auto chat = svc.db.chats.get(id); chat && chat->active) out.push_back(std::move(*chat));
  return out;
}

void open_emergency(bot::services& svc, storage::emergency_row& e,
                    const std::vector<storage::chat_row>& groups) {
  e.id = svc.db.emergencies.create(e);
  std::vector<std::int64_t> ids;
  ids.reserve(groups.size());
  for (const auto& g : groups) ids.push_back(g.id);
  svc.db.emergencies.add_groups(e.id, ids);
  const std::int64_t now = svc.clk.now_ms();
  if (int minutes = svc.cfg.emergency.remind_after_minutes; minutes > 0)
    svc.db.jobs.schedule(remind_job.name, remind_job.ref(e.id), now + minutes * bot::minute_ms, "{}", now);
}

std::pair<std::size_t, std::size_t> remind(bot::services& svc, const storage::emergency_row& e,
                                           std::optional<std::int64_t> by,
                                           const std::function<std::string(bot::locale)>& text) {
  std::size_t mentioned = 0;
  auto groups = reachable_groups(svc, e);
  const std::int64_t now = svc.clk.now_ms();
  for (const auto& g : groups) {
    bot::outgoing o = bot::outgoing::plain(text(group_locale(svc, g)));
    for (auto member_id : svc.db.emergencies.unacknowledged_members(e.id, g.id)) {
      if (o.mentions.size() == max_reminder_mentions) break;
      auto m = svc.db.members.get(member_id);
      // Staff, managers and admins are not reminded to acknowledge their own emergency.
      if (!m || bot::at_least(bot::member_role(svc, *m, e.community_id), bot::role::staff)) continue;
      o.mentions.push_back({m->user_id, m->display_name});
    }
    mentioned += o.mentions.size();
    svc.db.outbox.enqueue(g.ref, o, storage::priority::emergency, emergency_ref(e.id) + ":reminder", now);
  }
  svc.db.emergencies.add_update(e.id, by, "reminder", "", now);
  return {groups.size(), mentioned};
}

void close_emergency(bot::services& svc, const storage::emergency_row& e, std::int64_t by,
                     const std::string& note) {
  const std::int64_t now = svc.clk.now_ms();
  svc.db.emergencies.close(e.id, by, now, note);
  svc.db.emergencies.add_update(e.id, by, "close", note, now);
  svc.db.jobs.cancel(remind_job.name, remind_job.ref(e.id), now);
}

emergency_activity activity_of(bot::services& svc, std::int64_t emergency_id) {
  emergency_activity out;
  for (const auto& u : svc.db.emergencies.updates(emergency_id)) {
    out.updates += u.kind == "update";
    out.reminders += u.kind == "reminder";
  }
  return out;
}

}  // namespace domain::broadcast
