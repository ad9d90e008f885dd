// Migration 10, topic forums (话题), in a header of its own like the ones before it.
#pragma once

namespace storage {

// A topic asks the owners concerned (the community, a building, or privately those who reported a
// category) for their opinions: one per person, the latest kept. It ends with a summary published
// to the same audience, or as a vote (vote_id).
inline constexpr const char* v10_topics = R"sql(
CREATE TABLE topics (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  title        TEXT NOT NULL,
  building     TEXT,
  category     TEXT,
  created_by   INTEGER REFERENCES members(id),
  created_at   INTEGER NOT NULL,
  closed_at    INTEGER,
  summary      TEXT,
  vote_id      INTEGER REFERENCES votes(id)
);

CREATE TABLE topic_opinions (
  topic_id  INTEGER NOT NULL REFERENCES topics(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  building  TEXT NOT NULL DEFAULT '',     -- of the member's bound room, for grouping
  text      TEXT NOT NULL,
  at        INTEGER NOT NULL,
  PRIMARY KEY (topic_id, member_id)
) WITHOUT ROWID;
)sql";

}  // namespace storage
