// Migration 15: broadcasts a staff member typed without "/" in a staff group, held until they
// confirm them (确认发送). One per person and chat; a newer one replaces it.
#pragma once

namespace storage {

inline constexpr const char* v15_pending_commands = R"sql(
CREATE TABLE pending_commands (
  chat_id    INTEGER NOT NULL REFERENCES chats(id),
  member_id  INTEGER NOT NULL REFERENCES members(id),
  body       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (chat_id, member_id)
) WITHOUT ROWID;
)sql";

}  // namespace storage
