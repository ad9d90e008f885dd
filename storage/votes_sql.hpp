// Migration 7, owners' votes, in a header of its own (migrations.cpp holds the older ones).
#pragma once

namespace storage {

// Owners' votes (业主投票): polls, one answer per person, and assembly votes under Civil Code Art.
// 278, one ballot per room weighted by area. The electorate of an assembly vote is the roster as it
// stood when the vote opened (vote_rooms, with each room's turnout); the tally is kept as running
// sums (vote_tally, see domain/votes/tally). A secret vote's ballots are keyed by a keyed hash of
// their room or person and carry neither who cast them nor when; WITHOUT ROWID tables keep no
// order of insertion.
inline constexpr const char* v7_votes = R"sql(
CREATE TABLE votes (
  id               INTEGER PRIMARY KEY,
  community_id     INTEGER NOT NULL REFERENCES communities(id),
  building         TEXT,                   -- NULL: the whole community
  kind             TEXT NOT NULL CHECK (kind IN ('poll', 'assembly')),
  matter           INTEGER NOT NULL DEFAULT 0 CHECK (matter BETWEEN 0 AND 9),  -- Art. 278 item
  title            TEXT NOT NULL,
  options          TEXT NOT NULL,          -- JSON array of the option labels
  approve_option   INTEGER NOT NULL DEFAULT 0,
  multiple         INTEGER NOT NULL DEFAULT 0,
  secret           INTEGER NOT NULL DEFAULT 0,
  follow_majority  INTEGER NOT NULL DEFAULT 0,  -- the community's switch when it opened
  created_by       INTEGER REFERENCES members(id),
  created_at       INTEGER NOT NULL,
  deadline         INTEGER NOT NULL,
  closed_at        INTEGER
);
CREATE INDEX votes_open ON votes (community_id, closed_at);

CREATE TABLE vote_rooms (
  vote_id    INTEGER NOT NULL REFERENCES votes(id),
  unit_id    INTEGER NOT NULL REFERENCES units(id),
  building   TEXT NOT NULL,
  area_centi INTEGER NOT NULL,
  owner_key  TEXT NOT NULL,
  voted_at   INTEGER,                      -- turnout: when its ballot was last cast
  PRIMARY KEY (vote_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX vote_rooms_by_owner ON vote_rooms (vote_id, owner_key);

CREATE TABLE vote_ballots (
  vote_id  INTEGER NOT NULL REFERENCES votes(id),
  slot     TEXT NOT NULL,                  -- open: 'unit:12' | 'member:5'; secret: keyed hash
  choices  TEXT NOT NULL,                  -- option indexes, '0' or '0,2'
  cast_by  INTEGER REFERENCES members(id), -- open votes only
  cast_at  INTEGER,                        -- open votes only
  PRIMARY KEY (vote_id, slot)
) WITHOUT ROWID;

CREATE TABLE vote_tally (
  vote_id    INTEGER NOT NULL REFERENCES votes(id),
  building   TEXT NOT NULL,                -- '' the whole vote
  choice     INTEGER NOT NULL,             -- -2 electorate, -1 participation, 0.. options
  area_centi INTEGER NOT NULL DEFAULT 0,
  heads      INTEGER NOT NULL DEFAULT 0,
  rooms      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (vote_id, building, choice)
) WITHOUT ROWID;

-- Per-community rules of owners' votes (the 议事规则): whether unreturned ballots follow the majority.
CREATE TABLE vote_rules (
  community_id    INTEGER PRIMARY KEY REFERENCES communities(id),
  follow_majority INTEGER NOT NULL DEFAULT 0
);
)sql";

}  // namespace storage
