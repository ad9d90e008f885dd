#include "domain/broadcast/notices.hpp"

#include "bot/outbox_pump.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "storage/stores.hpp"

namespace domain::broadcast {

std::size_t publish(bot::services& svc, storage::notice_row& n, const render_fn& render) {
  auto groups = broadcast_targets(svc, n.community_id, n.building);
  n.published_at = svc.clk.now_ms();
  svc.db.notices.mark_published(n.id, *n.published_at);
  return fan_out(svc, groups, render, storage::priority::notice, notice_ref(n.id));
}

std::size_t post_notice(bot::services& svc, storage::notice_row& n, const render_fn& render) {
  n.id = svc.db.notices.create(n);
  return publish(svc, n, render);
}

void schedule_notice(bot::services& svc, storage::notice_row& n) {
  n.id = svc.db.notices.create(n);
  svc.db.jobs.schedule(publish_job.name, publish_job.ref(n.id), n.publish_at, "{}", svc.clk.now_ms());
}

recall_counts recall_notice(bot::services& svc, const storage::notice_row& n, std::int64_t by,
                            const render_fn& correction, bot::locale fallback) {
  auto& db = svc.db;
  const std::int64_t now = svc.clk.now_ms();
  recall_counts out;
  db.notices.mark_recalled(n.id, by, now);
  if (!n.published()) {
    db.jobs.cancel(publish_job.name, publish_job.ref(n.id), now);
    return out;
  }
  for (const auto& row : db.outbox.by_ref(notice_ref(n.id))) {
    const bool in_flight = svc.outbox && svc.outbox->sending(row.id);
    if (row.state == "pending" && !in_flight && db.outbox.cancel(row.id)) {
      ++out.stopped;
      continue;
    }
    if (row.state != "sent" && !(row.state == "pending" && in_flight))
      continue;  // failed or held: never seen
    auto chat = db.chats.find(row.target);
    bot::locale l = chat ? group_locale(svc, *chat) : fallback;
    bot::channel* ch = svc.outbox ? svc.outbox->channel_for(row.target.platform) : nullptr;
    if (row.state == "sent" && ch && ch->can_recall() && !row.platform_message_id.empty()) {
      bot::outgoing o;
      o.recall_id = row.platform_message_id;
      db.outbox.enqueue(row.target, o, storage::priority::notice, notice_ref(n.id) + ":recall", now);
      ++out.recalled;
    } else {
      db.outbox.enqueue(row.target, correction(l), storage::priority::notice,
                        notice_ref(n.id) + ":correction", now);
      ++out.corrected;
    }
  }
  return out;
}

}  // namespace domain::broadcast
