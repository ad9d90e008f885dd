// Migration 11, satisfaction surveys (满意度调查), in a header of its own like the votes before it.
#pragma once

namespace storage {

// A survey keeps its own copy of the items it asks (the config's template may change later) and
// counts the scores per item: no row says which owner gave which score. survey_invites holds where
// each invited owner's private dialogue stands, so it resumes after a restart; comments are kept
// without their writer.
inline constexpr const char* v11_surveys = R"sql(
CREATE TABLE surveys (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  title        TEXT NOT NULL,
  deadline     INTEGER NOT NULL,
  created_by   INTEGER REFERENCES members(id),
  created_at   INTEGER NOT NULL,
  plan         TEXT,                        -- the improvement plan published with the results
  published_at INTEGER
);
CREATE INDEX surveys_by_community ON surveys (community_id, id);

CREATE TABLE survey_items (
  survey_id INTEGER NOT NULL REFERENCES surveys(id),
  position  INTEGER NOT NULL,               -- 0, 1, … in the order they are asked
  name_zh   TEXT NOT NULL,
  name_en   TEXT NOT NULL,
  skipped   INTEGER NOT NULL DEFAULT 0,
  n1 INTEGER NOT NULL DEFAULT 0, n2 INTEGER NOT NULL DEFAULT 0, n3 INTEGER NOT NULL DEFAULT 0,
  n4 INTEGER NOT NULL DEFAULT 0, n5 INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (survey_id, position)
) WITHOUT ROWID;

-- `next_item` is the item last asked; equal to the number of items, the closing comment is asked.
-- `finished_at` keeps only the day (UTC), like an anonymous suggestion's.
CREATE TABLE survey_invites (
  survey_id   INTEGER NOT NULL REFERENCES surveys(id),
  member_id   INTEGER NOT NULL REFERENCES members(id),
  building    TEXT NOT NULL,                -- the owner's first bound building (response per building)
  lang        TEXT,                         -- the language the dialogue is held in
  next_item   INTEGER NOT NULL DEFAULT 0,
  asked_at    INTEGER NOT NULL,
  finished_at INTEGER,
  PRIMARY KEY (survey_id, member_id)
) WITHOUT ROWID;
CREATE INDEX survey_invites_by_member ON survey_invites (member_id, finished_at);

-- Keyed by a random token and without a time, so their order says nothing about who finished when.
CREATE TABLE survey_comments (
  survey_id INTEGER NOT NULL REFERENCES surveys(id),
  token     BLOB NOT NULL,
  text      TEXT NOT NULL,
  PRIMARY KEY (survey_id, token)
) WITHOUT ROWID;
)sql";

}  // namespace storage
