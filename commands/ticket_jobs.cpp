#include "commands/ticket_jobs.hpp"

#include <nlohmann/json.hpp>

#include "bot/feature_host.hpp"
#include "commands/ticket_news.hpp"
#include "domain/tickets/desk_parts.hpp"

namespace commands {

namespace desk = domain::tickets::desk;

void install_ticket_timers(bot::feature_host& host) {
  host.job(desk::sla_timer,
           [](const bot::job_run<std::int64_t>& job) { desk_of(job.svc).check_sla(job.ref); });
  host.job(desk::close_timer,
           [](const bot::job_run<std::int64_t>& job) { desk_of(job.svc).auto_close(job.ref); });
  host.job(desk::escalations_timer, [](const bot::job_run<std::int64_t>& job) {
    auto payload = nlohmann::json::parse(job.row.payload, nullptr, false);
    std::int64_t after = payload.is_object() ? payload.value("after", std::int64_t{0}) : 0;
    desk_of(job.svc).announce_escalations(job.ref, after);
  });
}

}  // namespace commands
