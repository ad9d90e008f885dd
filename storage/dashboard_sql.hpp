// Migration 13, the web dashboard's logins: one-time links asked for in chat and the sessions they
// open. Both are keyed by the SHA-256 of the secret the browser holds, never the secret itself, so
// a copy of the database opens no session.
#pragma once

namespace storage {

inline constexpr const char* v13_dashboard = R"sql(
CREATE TABLE dashboard_links (
  hash         TEXT PRIMARY KEY,
  member_id    INTEGER NOT NULL REFERENCES members(id),
  community_id INTEGER NOT NULL REFERENCES communities(id),
  lang         TEXT NOT NULL,
  expires_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE dashboard_sessions (
  hash         TEXT PRIMARY KEY,
  member_id    INTEGER NOT NULL REFERENCES members(id),
  community_id INTEGER NOT NULL REFERENCES communities(id),
  lang         TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX dashboard_sessions_by_member ON dashboard_sessions (member_id);
)sql";

}  // namespace storage
