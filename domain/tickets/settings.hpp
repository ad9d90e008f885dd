// The [tickets] values only the ticket feature can judge: which keys of [tickets.dispatch] and
// [tickets.sla.<category>] name a category, and which dispatch modes exist. bot/config reads the
// shape of the section; the wiring hands this check in (commands::config_checks).
#pragma once

namespace bot {
struct config;
}

namespace domain::tickets {

void check_ticket_settings(const bot::config& cfg);  // throws bot::config_error naming the key

}  // namespace domain::tickets
