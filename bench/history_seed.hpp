// A year of history written straight into the SQLite file, for benchmarks that measure how cost grows
// with the data: N tickets of community 1 and M inbound message ids (what platform retries are
// checked against).
#pragma once
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>

#include "storage/database.hpp"

namespace bench {

// Ticket i at now − (i / N) of a year; everything else from cheap integer hashes of i.
inline constexpr const char* seed_tickets_sql = R"sql(
WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?1)
INSERT INTO tickets (community_id, kind, category, priority, state, description, location, building,
                     reporter_id, assignee_id, created_at, due_at, first_response_at, resolved_at,
                     closed_at, rating, resolve_due_at)
SELECT 1,
       CASE WHEN i % 10 < 7 THEN 'repair' WHEN i % 10 < 9 THEN 'complaint' ELSE 'suggestion' END,
       CASE (i * 7) % 11 WHEN 0 THEN 'leak' WHEN 1 THEN 'elevator' WHEN 2 THEN 'water_power'
            WHEN 3 THEN 'lighting' WHEN 4 THEN 'access' WHEN 5 THEN 'parking' WHEN 6 THEN 'noise'
            WHEN 7 THEN 'sanitation' WHEN 8 THEN 'security' WHEN 9 THEN 'greening' ELSE 'other' END,
       'normal',
       CASE WHEN i % 50 = 0 THEN 'new' WHEN i % 50 = 1 THEN 'in_progress' WHEN i % 20 = 2 THEN 'resolved'
            ELSE 'closed' END,
       CASE i % 6 WHEN 0 THEN '厨房水管漏水' WHEN 1 THEN '楼道灯不亮' WHEN 2 THEN '电梯异响'
            WHEN 3 THEN '门禁卡失灵' WHEN 4 THEN '垃圾没人清理' ELSE '插座没电' END,
       '', CAST(1 + i % 40 AS TEXT), NULL, 2 + i % 30,
       ?2 - i * (365 * 86400000 / ?1),
       ?2 - i * (365 * 86400000 / ?1) + 1800000,
       CASE WHEN i % 50 = 0 THEN NULL ELSE ?2 - i * (365 * 86400000 / ?1) + 60000 * (1 + (i * 13) % 240) END,
       CASE WHEN i % 50 < 2 THEN NULL ELSE ?2 - i * (365 * 86400000 / ?1) + 60000 * (60 + (i * 31) % 4000) END,
       CASE WHEN i % 50 < 2 OR i % 20 = 2 THEN NULL ELSE ?2 - i * (365 * 86400000 / ?1) + 86400000 END,
       CASE WHEN i % 3 = 0 THEN 1 + (i * 17) % 5 ELSE NULL END,
       ?2 - i * (365 * 86400000 / ?1) + 86400000
FROM seq
)sql";

// The staff the tickets are assigned to (member ids 2–31), unless they exist already.
inline constexpr const char* seed_staff_sql = R"sql(
WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < 30)
INSERT OR IGNORE INTO members (id, platform, user_id, display_name, first_seen_at, last_seen_at)
SELECT 2 + i, 'console', '师傅' || i, '师傅' || i, ?2, ?2 FROM seq WHERE ?1 > 0
)sql";

inline constexpr const char* seed_inbound_sql = R"sql(
WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?1)
INSERT INTO inbound_seen (platform, account, message_key, seen_at)
SELECT 'onebot', '10001', 'history-' || i, ?2 - i FROM seq
)sql";

// `tickets` over the year before `now` (reporters and staff: member ids from 2), `inbound` ids.
inline void seed_history(storage::database& db, std::int64_t tickets, std::int64_t inbound,
                         std::int64_t now) {
  storage::transaction tx(db);
  for (const auto& [sql, n] : {std::pair{seed_staff_sql, tickets}, std::pair{seed_tickets_sql, tickets},
                               std::pair{seed_inbound_sql, inbound}}) {
    if (n <= 0) continue;
    SQLite::Statement q(db.raw(), sql);
    q.bind(1, n);
    q.bind(2, now);
    q.exec();
  }
  tx.commit();
}

}  // namespace bench
