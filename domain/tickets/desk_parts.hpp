// What the three files of the ticket desk share: desk.cpp (opening, applying actions), notify.cpp
// (who is told) and timers.cpp (escalations, auto-close), and the job kinds commands/ticket_jobs
// registers. Other features use desk.hpp.
#pragma once
#include <cstdint>
#include <string>

#include "bot/job_kind.hpp"
#include "storage/ticket_store.hpp"

namespace domain::tickets::desk {

// The jobs a ticket's timers are rows of (ref: the ticket id).
inline constexpr const char* sla_job = "ticket.sla";
inline constexpr const char* close_job = "ticket.autoclose";
inline constexpr bot::id_job sla_timer{sla_job};
inline constexpr bot::id_job close_timer{close_job};
// One job per community and burst of escalations (ref: the community id; payload: the history
// row after which to look).
inline constexpr bot::id_job escalations_timer{"ticket.escalations"};

// The ref of a ticket's outbox rows and audit entries: "ticket:12".
std::string ticket_ref(const storage::ticket_row& t);

}  // namespace domain::tickets::desk
