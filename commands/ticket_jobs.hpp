// The ticket feature's jobs: the desk's timers (domain/tickets/timers.cpp) registered with the
// feature host — ticket.sla, ticket.autoclose and ticket.escalations.
#pragma once

namespace bot {
class feature_host;
}

namespace commands {

void install_ticket_timers(bot::feature_host& host);

}  // namespace commands
