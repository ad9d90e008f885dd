// Migration 14: statistics of long periods (统计 今年, the dashboard's year) from per-day sums
// instead of a year of tickets. A day's sums are worked out when first asked for and kept; any
// write to a ticket forgets the sums of the day it was created on (a trigger), so what is kept is
// never stale. Days are local days at the offset in stats_settings, which the service keeps equal
// to [community] utc_offset_minutes (a change there forgets every day).
#pragma once

namespace storage {

inline constexpr const char* v14_day_sums = R"sql(
CREATE TABLE stats_settings (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  offset_ms INTEGER NOT NULL
);
INSERT INTO stats_settings (id, offset_ms) VALUES (1, 28800000);

-- The sums of one community's tickets created on one local day, per dimension: '' all of them,
-- 'k:<kind>', 'c:<category>', 'b:<building>', 's:<assignee id>'. `counters` and the two duration
-- histograms are packed by domain/stats/day_sums.
CREATE TABLE ticket_day_sums (
  community_id INTEGER NOT NULL,
  day          INTEGER NOT NULL,
  dim          TEXT NOT NULL,
  counters     BLOB NOT NULL,
  response     BLOB NOT NULL,
  fix          BLOB NOT NULL,
  PRIMARY KEY (community_id, day, dim)
) WITHOUT ROWID;

-- Days whose sums are kept (a day without tickets has a row here and none above).
CREATE TABLE ticket_days_summed (
  community_id INTEGER NOT NULL,
  day          INTEGER NOT NULL,
  PRIMARY KEY (community_id, day)
) WITHOUT ROWID;

CREATE TRIGGER tickets_forget_day_insert AFTER INSERT ON tickets BEGIN
  DELETE FROM ticket_days_summed WHERE community_id = NEW.community_id
    AND day = (NEW.created_at + (SELECT offset_ms FROM stats_settings)) / 86400000;
END;
CREATE TRIGGER tickets_forget_day_update AFTER UPDATE ON tickets BEGIN
  DELETE FROM ticket_days_summed WHERE community_id = OLD.community_id
    AND day = (OLD.created_at + (SELECT offset_ms FROM stats_settings)) / 86400000;
  DELETE FROM ticket_days_summed WHERE community_id = NEW.community_id
    AND day = (NEW.created_at + (SELECT offset_ms FROM stats_settings)) / 86400000;
END;
CREATE TRIGGER tickets_forget_day_delete AFTER DELETE ON tickets BEGIN
  DELETE FROM ticket_days_summed WHERE community_id = OLD.community_id
    AND day = (OLD.created_at + (SELECT offset_ms FROM stats_settings)) / 86400000;
END;

-- The tickets whose SLA lateness still depends on the clock: not cancelled, and not answered or
-- not resolved yet. Long periods read these one by one, and everything else from the sums.
CREATE INDEX tickets_live_sla ON tickets (community_id, created_at)
  WHERE state != 'cancelled' AND (first_response_at IS NULL OR resolved_at IS NULL);
)sql";

// Migration 14 as PostgreSQL writes it: its triggers call a function.
inline constexpr const char* v14_day_sums_postgres = R"sql(
CREATE TABLE stats_settings (
  id        BIGINT PRIMARY KEY CHECK (id = 1),
  offset_ms BIGINT NOT NULL
);
INSERT INTO stats_settings (id, offset_ms) VALUES (1, 28800000);
CREATE TABLE ticket_day_sums (
  community_id BIGINT NOT NULL,
  day          BIGINT NOT NULL,
  dim          TEXT COLLATE "C" NOT NULL,
  counters     BYTEA NOT NULL,
  response     BYTEA NOT NULL,
  fix          BYTEA NOT NULL,
  PRIMARY KEY (community_id, day, dim)
);
CREATE TABLE ticket_days_summed (
  community_id BIGINT NOT NULL,
  day          BIGINT NOT NULL,
  PRIMARY KEY (community_id, day)
);
CREATE FUNCTION tickets_forget_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM ticket_days_summed WHERE community_id = OLD.community_id
      AND day = (OLD.created_at + (SELECT offset_ms FROM stats_settings)) / 86400000;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    DELETE FROM ticket_days_summed WHERE community_id = NEW.community_id
      AND day = (NEW.created_at + (SELECT offset_ms FROM stats_settings)) / 86400000;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER tickets_forget_day AFTER INSERT OR UPDATE OR DELETE ON tickets
  FOR EACH ROW EXECUTE FUNCTION tickets_forget_day();
CREATE INDEX tickets_live_sla ON tickets (community_id, created_at)
  WHERE state != 'cancelled' AND (first_response_at IS NULL OR resolved_at IS NULL);
)sql";

// Migration 17: the live SLA tickets are read from their index alone (a year of a large community has tens
// of thousands of them: 61 → 14 ms for 统计 今年).
inline constexpr const char* v17_live_sla_covering = R"sql(
DROP INDEX tickets_live_sla;
CREATE INDEX tickets_live_sla ON tickets (community_id, created_at, assignee_id, due_at, first_response_at,
                                          resolve_due_at, resolved_at, state)
  WHERE state != 'cancelled' AND (first_response_at IS NULL OR resolved_at IS NULL);
)sql";

// Migration 19: each kept day gets a generation from a counter that only grows (a day forgotten and
// summed again never gets its old number back, even when it had the largest), so that a reader that
// merged whole blocks of days (domain/stats/day_sums) can tell that none of them was summed again.
inline constexpr const char* v19_day_generations = R"sql(
ALTER TABLE ticket_days_summed ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stats_settings ADD COLUMN last_generation INTEGER NOT NULL DEFAULT 0;
)sql";

}  // namespace storage
