// Migration 8, meetings (业委会会议, 专题座谈会), in a header of its own like the votes before it.
#pragma once

namespace storage {

// A meeting reaches the owners' groups of its community or of one building, or — when it is about
// a kind of problem — privately the owners who reported tickets of that category (`category`),
// listed in meeting_invites. Minutes are kept with the meeting once published.
inline constexpr const char* v8_meetings = R"sql(
CREATE TABLE meetings (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  title        TEXT NOT NULL,
  starts_at    INTEGER NOT NULL,
  place        TEXT NOT NULL DEFAULT '',
  building     TEXT,                        -- target: one building's groups (and the whole-community ones)
  category     TEXT,                        -- target: reporters of tickets of this category, privately
  created_by   INTEGER REFERENCES members(id),
  created_at   INTEGER NOT NULL,
  minutes      TEXT,
  minutes_at   INTEGER
);
CREATE INDEX meetings_by_community ON meetings (community_id, starts_at);

CREATE TABLE meeting_invites (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  member_id  INTEGER NOT NULL REFERENCES members(id),
  PRIMARY KEY (meeting_id, member_id)
) WITHOUT ROWID;

CREATE TABLE meeting_replies (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  member_id  INTEGER NOT NULL REFERENCES members(id),
  attending  INTEGER NOT NULL,
  replied_at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, member_id)
) WITHOUT ROWID;
)sql";

}  // namespace storage
