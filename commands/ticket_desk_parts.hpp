// What the three files of ticket_desk share: ticket_desk.cpp (opening, applying actions),
// ticket_notify.cpp (who is told) and ticket_timers.cpp (escalations, auto-close). Other features
// use ticket_desk.hpp.
#pragma once
#include <cstdint>
#include <string>

#include "storage/ticket_store.hpp"

namespace commands::desk {

// The jobs a ticket's timers are rows of (ref: the ticket id).
inline constexpr const char* sla_job = "ticket.sla";
inline constexpr const char* close_job = "ticket.autoclose";

// The ref of a ticket's outbox rows and audit entries: "ticket:12".
std::string ticket_ref(const storage::ticket_row& t);

}  // namespace commands::desk
