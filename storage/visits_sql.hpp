// Migration 9, staff visits (服务专员走访), in a header of its own like the ones before it.
#pragma once

namespace storage {

// A visit is to a building, a unit of it or one room (the room is for staff eyes only); a problem
// found there may become a ticket (ticket_id).
inline constexpr const char* v9_visits = R"sql(
CREATE TABLE visits (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  building     TEXT NOT NULL,
  unit         TEXT NOT NULL DEFAULT '',
  room         TEXT NOT NULL DEFAULT '',
  note         TEXT NOT NULL,
  staff_id     INTEGER REFERENCES members(id),
  visited_at   INTEGER NOT NULL,
  ticket_id    INTEGER REFERENCES tickets(id)
);
CREATE INDEX visits_by_time ON visits (community_id, visited_at);
)sql";

}  // namespace storage
