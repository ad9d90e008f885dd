// A short welcome for people who join a registered owners' group: how to link their flat and how
// to ask for help. A burst of joins (an admin inviting twenty neighbours) gets one welcome naming
// them all; after a welcome a group gets the next one ten minutes later at the earliest, naming
// everyone who joined meanwhile. The pending welcome is a job row, so a restart loses none.
#pragma once

namespace bot {
class feature_host;
}

namespace commands {

void install_welcome(bot::feature_host& host);

}  // namespace commands
