// The managers' digest: every day at [stats] digest_time (local), each community's managers'
// groups get yesterday's new and resolved tickets, what is open and overdue now, the most common
// problems, the tickets escalated or rated 1–2 stars, and the emergencies still open; on Mondays
// also last week against the week before. A day with nothing to say (nothing new, resolved, open,
// escalated or rated low, no emergency) sends nothing.
#pragma once

namespace bot {
class feature_host;
}

namespace commands {

void install_stats_digest(bot::feature_host& host);  // "stats.digest"

}  // namespace commands
