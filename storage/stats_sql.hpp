// Migration 12, the indexes statistics and the managers' digest read by, in a header of its own
// like the votes before it: what was escalated or resolved in a period, which ratings were given
// in it, the notices published in it; and the outbox rows not sent, counted for /metrics.
#pragma once

namespace storage {

inline constexpr const char* v12_stats = R"sql(
CREATE INDEX tickets_by_escalation ON tickets (community_id, escalated_at) WHERE escalated_at IS NOT NULL;
CREATE INDEX tickets_by_resolution ON tickets (community_id, resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX ticket_events_ratings ON ticket_events (at) WHERE action = 'rate';
CREATE INDEX notices_by_publication ON notices (community_id, published_at);
CREATE INDEX outbox_unsent ON outbox (state, priority) WHERE state != 'sent';
)sql";

}  // namespace storage
