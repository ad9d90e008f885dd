// Dead letters are not silent: when outbox rows die, managers get one summary per broadcast (not
// one message per group) after a short wait that collects the rest of a failing broadcast. They
// hear it in the managers' groups; without one, privately; without that, in the staff groups.
// An alert that itself dies is only logged — no alerts about alerts.
#pragma once

namespace bot {
class feature_host;
}

namespace commands {

// Hooks the outbox pump's dead letters and registers the "outbox.dead_alert" job.
void install_delivery_alerts(bot::feature_host& host);

}  // namespace commands
