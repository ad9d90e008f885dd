#include "storage/migrations.hpp"

#include "storage/dashboard_sql.hpp"
#include "storage/day_sums_sql.hpp"
#include "storage/meetings_sql.hpp"
#include "storage/pending_sql.hpp"
#include "storage/send_buckets_sql.hpp"
#include "storage/stats_sql.hpp"
#include "storage/surveys_sql.hpp"
#include "storage/ticket_deadlines_sql.hpp"
#include "storage/topics_sql.hpp"
#include "storage/visits_sql.hpp"
#include "storage/votes_sql.hpp"
#include "storage/webhook_networks_sql.hpp"

namespace storage {
namespace {

// All times are unix milliseconds (INTEGER).
constexpr const char* v1_foundation = R"sql(
CREATE TABLE communities (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  created_at  INTEGER NOT NULL
);

-- Every group or direct chat the bot has seen. A chat no admin registered belongs to the default
-- community. `account` is the bot account that last heard from it (replies go out through it).
CREATE TABLE chats (
  id            INTEGER PRIMARY KEY,
  platform      TEXT NOT NULL,
  account       TEXT NOT NULL DEFAULT '',
  kind          TEXT NOT NULL CHECK (kind IN ('group', 'direct')),
  chat_id       TEXT NOT NULL,
  title         TEXT NOT NULL DEFAULT '',
  community_id  INTEGER NOT NULL REFERENCES communities(id),
  building      TEXT,                       -- a group of one building; NULL = whole community
  purpose       TEXT NOT NULL DEFAULT 'owners' CHECK (purpose IN ('owners', 'staff', 'managers')),
  registered_by INTEGER REFERENCES members(id),
  registered_at INTEGER,
  lang          TEXT,                       -- NULL: replies follow the command's language
  active        INTEGER NOT NULL DEFAULT 1, -- 0 once the bot was removed from the group
  first_seen_at INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  UNIQUE (platform, kind, chat_id)
);
CREATE INDEX chats_by_community ON chats (community_id, kind, active);

-- Who has been heard in which chat: whom an emergency reminder may @, how big a group is.
CREATE TABLE chat_members (
  chat_id       INTEGER NOT NULL REFERENCES chats(id),
  member_id     INTEGER NOT NULL REFERENCES members(id),
  first_seen_at INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  PRIMARY KEY (chat_id, member_id)
) WITHOUT ROWID;
CREATE INDEX chat_members_by_member ON chat_members (member_id);

-- People, one row per platform account.
CREATE TABLE members (
  id            INTEGER PRIMARY KEY,
  platform      TEXT NOT NULL,
  user_id       TEXT NOT NULL,
  display_name  TEXT NOT NULL DEFAULT '',
  first_seen_at INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  UNIQUE (platform, user_id)
);

-- Roles granted in chat. Roles from the config file are not stored: the file stays the authority.
CREATE TABLE role_grants (
  member_id    INTEGER NOT NULL REFERENCES members(id),
  community_id INTEGER NOT NULL REFERENCES communities(id),
  role         TEXT NOT NULL CHECK (role IN ('staff', 'manager', 'admin')),
  granted_by   INTEGER REFERENCES members(id),
  granted_at   INTEGER NOT NULL,
  PRIMARY KEY (member_id, community_id)
);

-- The owner roster. Only the last four digits of a phone number are kept: binding needs no more.
CREATE TABLE units (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  building     TEXT NOT NULL,
  unit         TEXT NOT NULL DEFAULT '',
  room         TEXT NOT NULL,
  area_centi   INTEGER NOT NULL DEFAULT 0 CHECK (area_centi >= 0),  -- 0.01 m²
  owner_name   TEXT NOT NULL DEFAULT '',
  phone_tail   TEXT NOT NULL DEFAULT '',
  UNIQUE (community_id, building, unit, room)
);

CREATE TABLE bindings (
  unit_id   INTEGER NOT NULL REFERENCES units(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  method    TEXT NOT NULL CHECK (method IN ('phone_tail', 'staff')),
  bound_at  INTEGER NOT NULL,
  PRIMARY KEY (unit_id, member_id)
);
CREATE INDEX bindings_by_member ON bindings (member_id);

-- Failed binding attempts, so the four digits cannot be guessed by trying them all.
CREATE TABLE bind_failures (
  member_id INTEGER NOT NULL REFERENCES members(id),
  at        INTEGER NOT NULL
);
CREATE INDEX bind_failures_by_member ON bind_failures (member_id, at);

CREATE TABLE tickets (
  id                INTEGER PRIMARY KEY,
  community_id      INTEGER NOT NULL REFERENCES communities(id),
  kind              TEXT NOT NULL CHECK (kind IN ('repair', 'complaint', 'suggestion')),
  category          TEXT NOT NULL,
  priority          TEXT NOT NULL CHECK (priority IN ('urgent', 'normal', 'minor')),
  state             TEXT NOT NULL,
  description       TEXT NOT NULL,
  location          TEXT NOT NULL DEFAULT '',   -- as typed ("3-2-1201"): shown to staff only
  building          TEXT,
  unit_id           INTEGER REFERENCES units(id),
  reporter_id       INTEGER REFERENCES members(id),  -- NULL when anonymous
  origin_chat       INTEGER REFERENCES chats(id),
  origin_message_id TEXT,
  assignee_id       INTEGER REFERENCES members(id),
  created_at        INTEGER NOT NULL,
  due_at            INTEGER,
  first_response_at INTEGER,
  resolved_at       INTEGER,
  closed_at         INTEGER,
  rating            INTEGER CHECK (rating BETWEEN 1 AND 5),
  rating_comment    TEXT
);
CREATE INDEX tickets_by_reporter ON tickets (reporter_id, id);
CREATE INDEX tickets_by_state ON tickets (community_id, state, due_at);
CREATE INDEX tickets_by_assignee ON tickets (assignee_id, state);

CREATE TABLE ticket_events (
  id         INTEGER PRIMARY KEY,
  ticket_id  INTEGER NOT NULL REFERENCES tickets(id),
  at         INTEGER NOT NULL,
  actor_id   INTEGER REFERENCES members(id),
  action     TEXT NOT NULL,
  from_state TEXT,
  to_state   TEXT,
  note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, id);

CREATE TABLE ticket_images (
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  reference TEXT NOT NULL,
  added_at  INTEGER NOT NULL
);
CREATE INDEX ticket_images_by_ticket ON ticket_images (ticket_id);

-- Inbound idempotency: a platform's retry of a delivery is acknowledged and not processed twice.
-- `message_key` is a hash of the chat and the platform's message id: it finds repeats without
-- recording who wrote in which chat.
CREATE TABLE inbound_seen (
  platform    TEXT NOT NULL,
  account     TEXT NOT NULL,
  message_key TEXT NOT NULL,
  seen_at    INTEGER NOT NULL,
  PRIMARY KEY (platform, account, message_key)
) WITHOUT ROWID;
CREATE INDEX inbound_seen_by_age ON inbound_seen (seen_at);

-- The only way out: one row per target chat, written in the transaction of the domain change.
CREATE TABLE outbox (
  id                  INTEGER PRIMARY KEY,
  created_at          INTEGER NOT NULL,
  priority            INTEGER NOT NULL,      -- 0 emergency, 1 reply, 2 notice, 3 digest
  platform            TEXT NOT NULL,
  account             TEXT NOT NULL,
  kind                TEXT NOT NULL CHECK (kind IN ('group', 'direct')),
  chat_id             TEXT NOT NULL,
  body                TEXT NOT NULL,         -- JSON: text, mentions, quote_id, mention_all
  ref                 TEXT,                  -- what it delivers ("notice:7"), for delivery reports
  state               TEXT NOT NULL DEFAULT 'pending'
                      CHECK (state IN ('pending', 'sent', 'dead', 'held', 'cancelled')),
  attempts            INTEGER NOT NULL DEFAULT 0,
  next_attempt_at     INTEGER NOT NULL,
  sent_at             INTEGER,
  platform_message_id TEXT,
  last_error          TEXT
);
CREATE INDEX outbox_due ON outbox (priority, next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX outbox_by_target ON outbox (platform, kind, chat_id, priority, id) WHERE state = 'pending';
CREATE INDEX outbox_by_ref ON outbox (ref) WHERE ref IS NOT NULL;

-- Timers of every kind (scheduled notices, SLA checks, reminders), scanned by one scheduler.
CREATE TABLE jobs (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL,
  ref        TEXT NOT NULL DEFAULT '',
  due_at     INTEGER NOT NULL,
  payload    TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  done_at    INTEGER
);
CREATE INDEX jobs_due ON jobs (due_at) WHERE done_at IS NULL;
CREATE INDEX jobs_by_ref ON jobs (kind, ref);

-- Every staff, manager and admin action.
CREATE TABLE audit_log (
  id       INTEGER PRIMARY KEY,
  at       INTEGER NOT NULL,
  actor_id INTEGER REFERENCES members(id),
  action   TEXT NOT NULL,
  target   TEXT NOT NULL DEFAULT '',
  detail   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_time ON audit_log (at);
)sql";

// Notices and emergencies (issue 4), and the dead-letter alert mark on the outbox.
constexpr const char* v2_broadcasts = R"sql(
-- Every notice is numbered and kept, so one drowned in chat can be found again. Its deliveries are
-- the outbox rows with ref 'notice:<id>'.
CREATE TABLE notices (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  building     TEXT,                        -- NULL: the whole community
  title        TEXT NOT NULL,
  body         TEXT NOT NULL,
  author_id    INTEGER REFERENCES members(id),
  created_at   INTEGER NOT NULL,
  publish_at   INTEGER NOT NULL,            -- later than created_at for a scheduled notice
  published_at INTEGER,                     -- NULL while it waits for its time
  recalled_at  INTEGER,
  recalled_by  INTEGER REFERENCES members(id)
);
CREATE INDEX notices_by_community ON notices (community_id, id);

CREATE TABLE emergencies (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  building     TEXT,                        -- NULL: the whole community
  template     TEXT NOT NULL DEFAULT '',    -- [emergency.templates] id; '' for a typed title
  title        TEXT NOT NULL DEFAULT '',    -- the typed title when there is no template
  detail       TEXT NOT NULL DEFAULT '',
  started_by   INTEGER REFERENCES members(id),
  started_at   INTEGER NOT NULL,
  closed_at    INTEGER,
  closed_by    INTEGER REFERENCES members(id),
  close_note   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX emergencies_open ON emergencies (community_id) WHERE closed_at IS NULL;

-- The groups an emergency went to: updates, reminders and the all-clear follow the same groups.
CREATE TABLE emergency_groups (
  emergency_id INTEGER NOT NULL REFERENCES emergencies(id),
  chat_id      INTEGER NOT NULL REFERENCES chats(id),
  PRIMARY KEY (emergency_id, chat_id)
) WITHOUT ROWID;
CREATE INDEX emergency_groups_by_chat ON emergency_groups (chat_id);

-- Progress updates, reminders and the closing note, in order.
CREATE TABLE emergency_updates (
  id           INTEGER PRIMARY KEY,
  emergency_id INTEGER NOT NULL REFERENCES emergencies(id),
  at           INTEGER NOT NULL,
  author_id    INTEGER REFERENCES members(id),
  kind         TEXT NOT NULL CHECK (kind IN ('update', 'reminder', 'close')),
  text         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX emergency_updates_by_emergency ON emergency_updates (emergency_id, id);

-- One acknowledgement per person and emergency, counted in the group where it was given.
CREATE TABLE emergency_acks (
  emergency_id INTEGER NOT NULL REFERENCES emergencies(id),
  member_id    INTEGER NOT NULL REFERENCES members(id),
  chat_id      INTEGER REFERENCES chats(id),
  at           INTEGER NOT NULL,
  PRIMARY KEY (emergency_id, member_id)
) WITHOUT ROWID;
CREATE INDEX emergency_acks_by_chat ON emergency_acks (emergency_id, chat_id);

-- A dead row is reported to managers once, in a summary.
ALTER TABLE outbox ADD COLUMN alerted_at INTEGER;
UPDATE outbox SET alerted_at = created_at WHERE state = 'dead';  -- died before alerts existed
CREATE INDEX outbox_dead_unalerted ON outbox (id) WHERE state = 'dead' AND alerted_at IS NULL;
)sql";

// Tickets end to end (issue 5): resolution targets and escalation, urging, return visits,
// anonymity; staff duty for round-robin dispatch; the suggestion box; offers to register chat
// that reads like a complaint.
constexpr const char* v3_ticket_desk = R"sql(
ALTER TABLE tickets ADD COLUMN resolve_due_at INTEGER;
ALTER TABLE tickets ADD COLUMN escalation INTEGER NOT NULL DEFAULT 0;  -- managers told: 0, once, twice
ALTER TABLE tickets ADD COLUMN escalated_at INTEGER;
ALTER TABLE tickets ADD COLUMN urged_at INTEGER;
ALTER TABLE tickets ADD COLUMN visit_result TEXT CHECK (visit_result IN ('satisfied', 'unsatisfied'));
ALTER TABLE tickets ADD COLUMN visited_at INTEGER;
ALTER TABLE tickets ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN lang TEXT;  -- the reporter's language, for notifications
CREATE INDEX tickets_by_created ON tickets (community_id, created_at);

-- Who is on duty and which categories they serve ('' = all), for round-robin dispatch.
CREATE TABLE staff_duty (
  member_id        INTEGER NOT NULL REFERENCES members(id),
  community_id     INTEGER NOT NULL REFERENCES communities(id),
  on_duty          INTEGER NOT NULL DEFAULT 0,
  categories       TEXT NOT NULL DEFAULT '',
  changed_at       INTEGER NOT NULL,
  last_assigned_at INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (member_id, community_id)
) WITHOUT ROWID;

-- The suggestion box. A suggestion waits in the inbox (no time, writer sealed) until the next
-- batch turns it into a ticket; the relay keeps only the sealed way back to the writer and is
-- deleted when the ticket closes. Quota buckets are keyed hashes of the writer per window.
CREATE TABLE suggestion_inbox (
  id           INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES communities(id),
  description  TEXT NOT NULL,
  sealed       TEXT NOT NULL
);
CREATE TABLE suggestion_relays (
  ticket_id INTEGER PRIMARY KEY REFERENCES tickets(id),
  sealed    TEXT NOT NULL
);
CREATE TABLE suggestion_quota (
  bucket       TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  used         INTEGER NOT NULL
) WITHOUT ROWID;

-- Group chat that read like a repair or complaint, and the offer the bot made to register it.
CREATE TABLE chatter_offers (
  id         INTEGER PRIMARY KEY,
  chat_id    INTEGER NOT NULL REFERENCES chats(id),
  member_id  INTEGER NOT NULL REFERENCES members(id),
  message_id TEXT NOT NULL DEFAULT '',
  text       TEXT NOT NULL,
  offered_at INTEGER NOT NULL,
  ticket_id  INTEGER REFERENCES tickets(id)
);
CREATE INDEX chatter_offers_by_member ON chatter_offers (member_id, offered_at);
CREATE TABLE chatter_offers_off (
  chat_id   INTEGER PRIMARY KEY REFERENCES chats(id),
  by_member INTEGER REFERENCES members(id),
  at        INTEGER NOT NULL
);
)sql";

// Outbox ids never repeat: X-Estatebot-Delivery (the row id) is a bridge's idempotency key, and
// rows to anonymous writers are deleted once settled, so max(id)+1 would hand a deleted id to the
// next message. AUTOINCREMENT needs a new table. Rows to anonymous writers keep their chat only in
// `sealed_target` (under the relay key); their platform, account and chat_id are ''.
constexpr const char* v4_outbox_ids = R"sql(
CREATE TABLE outbox_v4 (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at          INTEGER NOT NULL,
  priority            INTEGER NOT NULL,      -- 0 emergency, 1 reply, 2 notice, 3 digest
  platform            TEXT NOT NULL,
  account             TEXT NOT NULL,
  kind                TEXT NOT NULL CHECK (kind IN ('group', 'direct')),
  chat_id             TEXT NOT NULL,
  body                TEXT NOT NULL,         -- JSON: text, mentions, quote_id, mention_all, recall_id
  ref                 TEXT,                  -- what it delivers ("notice:7"), for delivery reports
  state               TEXT NOT NULL DEFAULT 'pending'
                      CHECK (state IN ('pending', 'sent', 'dead', 'held', 'cancelled')),
  attempts            INTEGER NOT NULL DEFAULT 0,
  next_attempt_at     INTEGER NOT NULL,
  sent_at             INTEGER,
  platform_message_id TEXT,
  last_error          TEXT,
  alerted_at          INTEGER,
  sealed_target       TEXT                   -- ref 'sealed': the chat, sealed; NULL otherwise
);
INSERT INTO outbox_v4 (id, created_at, priority, platform, account, kind, chat_id, body, ref, state, attempts,
                       next_attempt_at, sent_at, platform_message_id, last_error, alerted_at)
  SELECT id, created_at, priority, platform, account, kind, chat_id, body, ref, state, attempts,
         next_attempt_at, sent_at, platform_message_id, last_error, alerted_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v4 RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (priority, next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX outbox_by_target ON outbox (platform, kind, chat_id, priority, id) WHERE state = 'pending';
CREATE INDEX outbox_by_ref ON outbox (ref) WHERE ref IS NOT NULL;
CREATE INDEX outbox_dead_unalerted ON outbox (id) WHERE state = 'dead' AND alerted_at IS NULL;
)sql";

// QQ shows a group card where one is set and the account's nickname otherwise: both are kept, so
// that a typed "@name" finds either, and a card is not replaced by the nickname of a private chat.
constexpr const char* v5_member_nicknames = R"sql(
ALTER TABLE members ADD COLUMN nickname TEXT NOT NULL DEFAULT '';
)sql";

}  // namespace

const std::vector<migration>& migrations() {
  static const std::vector<migration> list = {
      {"foundation: communities, chats, members, roles, units, tickets, outbox, jobs", v1_foundation},
      {"notices, emergencies and their acknowledgements; dead-letter alerts", v2_broadcasts},
      {"ticket desk: SLA, escalation, visits, duty, suggestion box, chatter offers", v3_ticket_desk},
      {"outbox ids never repeat; rows to anonymous writers keep their chat sealed", v4_outbox_ids},
      {"members: QQ nicknames beside group cards", v5_member_nicknames},
      {"generic webhook: people and chats keyed by the bridge's network", v6_webhook_networks},
      {"owners' votes: polls and Art. 278 assembly votes, ballots, tallies", v7_votes},
      {"meetings: audiences, answers and minutes", v8_meetings},
      {"staff visits to buildings", v9_visits},
      {"topic forums and owners' opinions", v10_topics},
      {"satisfaction surveys: items, score counts, dialogues, comments", v11_surveys},
      {"statistics and digest: escalations, resolutions, ratings and notices by time", v12_stats},
      {"web dashboard: one-time login links and sessions", v13_dashboard},
      {"statistics of long periods: per-day sums kept until a ticket of the day changes", v14_day_sums,
       v14_day_sums_postgres},
      {"broadcasts typed without a prefix in staff groups, held until confirmed", v15_pending_commands},
      {"open tickets by their deadlines and places, emergencies by time: reads of what they show",
       v16_open_ticket_deadlines},
      {"statistics: the tickets whose lateness depends on the clock read from their index alone",
       v17_live_sla_covering},
      {"send rate limits shared by the instances on one PostgreSQL database", v18_send_buckets},
      {"statistics: kept days numbered, so that merged blocks of days are known to be current",
       v19_day_generations},
  };
  return list;
}

}  // namespace storage
