// Migration 18: the send rate limits that several instances on one PostgreSQL database share (a
// platform's limit is the account's, whichever instance sends). SQLite, one process, keeps them in
// memory and never writes here.
#pragma once

namespace storage {

inline constexpr const char* v18_send_buckets = R"sql(
CREATE TABLE send_buckets (
  key    TEXT PRIMARY KEY,   -- 'chat:<platform>/<account>/<kind>/<id>' or 'account:<platform>/<account>'
  tokens REAL NOT NULL,
  at     INTEGER NOT NULL    -- unix ms of the last take
) WITHOUT ROWID;
)sql";

}  // namespace storage
