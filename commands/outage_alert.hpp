// Managers hear when a bot account's platform has been unreachable for a while (the QQ client is
// down, the bridge is off): how long, how many messages wait, that they go out by themselves when
// it is back; and again when it is back. The alert goes to the same people as dead letters
// (alert_recipients); one that must travel through the account that is down arrives after it.
#pragma once

namespace bot {
class feature_host;
}

namespace commands {

void install_outage_alerts(bot::feature_host& host);

}  // namespace commands
