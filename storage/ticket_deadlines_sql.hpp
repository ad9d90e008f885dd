// Migration 16: open tickets by their deadlines and places, so that 逾期工单 and the lists of open
// tickets of a building (工单列表 待处理 3栋 水电) read about as many rows as they show whatever the
// history holds (closed tickets are not in these partial indexes). The queries in ticket_store.cpp
// use the same expression and state list, which is how SQLite knows it may use them. And
// emergencies by time, for the statistics of a period.
#pragma once

namespace storage {

// The state list of the partial indexes: domain::open_ticket_states (a test checks they agree).
inline constexpr const char* open_states_literal = "('new', 'assigned', 'in_progress')";

// When a ticket became or becomes overdue: the earlier of its response and fix deadlines while
// nobody has responded, then the fix deadline; NULL when it has none.
inline constexpr const char* deadline_sql =
    "CASE WHEN first_response_at IS NULL THEN min(coalesce(due_at, resolve_due_at), coalesce(resolve_due_at, "
    "due_at)) ELSE resolve_due_at END";

inline constexpr const char* v16_open_ticket_deadlines = R"sql(
CREATE INDEX tickets_open_by_deadline ON tickets (community_id,
  (CASE WHEN first_response_at IS NULL THEN min(coalesce(due_at, resolve_due_at), coalesce(resolve_due_at,
  due_at)) ELSE resolve_due_at END), id)
  WHERE state IN ('new', 'assigned', 'in_progress');
CREATE INDEX tickets_open_by_place ON tickets (community_id, building, category, state)
  WHERE state IN ('new', 'assigned', 'in_progress');
CREATE INDEX emergencies_by_time ON emergencies (community_id, started_at);
)sql";

}  // namespace storage
