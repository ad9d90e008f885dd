#include "bot/scheduler.hpp"

#include <stdexcept>

#include "bot/clock.hpp"
#include "bot/log.hpp"
#include "storage/stores.hpp"

namespace bot {

void scheduler::on(const std::string& kind, job_handler h) {
  if (!handlers_.emplace(kind, std::move(h)).second) throw std::logic_error("second handler for job " + kind);
}

std::optional<std::int64_t> scheduler::run_due() {
  constexpr int batch = 100;
  for (;;) {
    const std::int64_t now = clk_.now_ms();
    auto jobs = db_.jobs.due(now, batch);
    for (const auto& job : jobs) {
      auto it = handlers_.find(job.kind);
      try {
        storage::transaction txn(db_.database);
        if (!db_.jobs.still_due(job.id, now)) continue;  // another instance ran it meanwhile
        if (it == handlers_.end())
          log::warn("scheduler", "no handler for job {} #{}; dropped", job.kind, job.id);
        else
          it->second(job);
        db_.jobs.done(job.id, now);
        txn.commit();
      } catch (const std::exception& e) {
        log::error("scheduler", "job {} #{} failed: {}; retrying later", job.kind, job.id, e.what());
        db_.jobs.postpone(job.id, now + retry_after_error_ms);
      }
    }
    if (static_cast<int>(jobs.size()) < batch) break;
  }
  return db_.jobs.next_due_at();
}

}  // namespace bot
