#include "storage/stats_store.hpp"

#include "domain/ticket_types.hpp"
#include "storage/statement.hpp"
#include "storage/ticket_deadlines_sql.hpp"
#include "storage/vocabulary_sql.hpp"

namespace storage {
namespace {

const std::string& open_states() {
  static const std::string sql = sql_in(domain::open_ticket_states);
  return sql;
}

template <class Q>
void bind_span(Q& q, const period_span& p) {
  q.bind(1, p.community_id);
  q.bind(2, p.from);
  q.bind(3, p.to);
}

std::vector<std::pair<std::string, std::int64_t>> counted(statement q) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt64());
  return out;
}

std::int64_t one_number(statement q) {
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

std::vector<ticket_mention> mentions(statement q) {
  std::vector<ticket_mention> out;
  while (q.executeStep()) {
    ticket_mention m{q.getColumn(0).getInt64(), q.getColumn(1).getString(), std::nullopt};
    if (!q.getColumn(2).isNull()) m.rating = q.getColumn(2).getInt();
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

std::vector<ticket_times> stats_store::times(const period_span& p, std::int64_t now_ms) {
  static constexpr const char* sql =
      "SELECT assignee_id, first_response_at - created_at, resolved_at - created_at, "
      "       state != 'cancelled' AND due_at < coalesce(first_response_at, ?4), "
      "       state != 'cancelled' AND resolve_due_at < coalesce(resolved_at, ?4), "
      "       rating, state IN ('resolved', 'closed') "
      "FROM tickets WHERE community_id = ?1 AND created_at >= ?2 AND created_at < ?3";
  auto q = db_.prepare(sql);
  bind_span(q, p);
  q.bind(4, now_ms);
  std::vector<ticket_times> out;
  while (q.executeStep()) {
    ticket_times t;
    if (!q.getColumn(0).isNull()) t.assignee_id = q.getColumn(0).getInt64();
    if (!q.getColumn(1).isNull()) t.response_ms = q.getColumn(1).getInt64();
    if (!q.getColumn(2).isNull()) t.fix_ms = q.getColumn(2).getInt64();
    t.late_response = q.getColumn(3).getInt() == 1;
    t.late_fix = q.getColumn(4).getInt() == 1;
    if (!q.getColumn(5).isNull()) t.rating = q.getColumn(5).getInt();
    t.resolved = q.getColumn(6).getInt() == 1;
    out.push_back(t);
  }
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> stats_store::categories(const period_span& p, int limit) {
  static constexpr const char* sql =
      "SELECT category, count(*) AS n FROM tickets WHERE community_id = ?1 AND created_at >= ?2 AND "
      "created_at < ?3 GROUP BY category ORDER BY n DESC, category LIMIT ?4";
  auto q = db_.prepare(sql);
  bind_span(q, p);
  q.bind(4, limit);
  return counted(std::move(q));
}

std::vector<std::pair<std::string, std::int64_t>> stats_store::buildings(const period_span& p, int limit) {
  static constexpr const char* sql =
      "SELECT building, count(*) AS n FROM tickets WHERE community_id = ?1 AND created_at >= ?2 AND "
      "created_at < ?3 AND building IS NOT NULL GROUP BY building ORDER BY n DESC, building LIMIT ?4";
  auto q = db_.prepare(sql);
  bind_span(q, p);
  q.bind(4, limit);
  return counted(std::move(q));
}

std::vector<std::string> stats_store::descriptions(const period_span& p, const std::string& category,
                                                   int limit) {
  static constexpr const char* sql =
      "SELECT description FROM tickets WHERE community_id = ?1 AND created_at >= ?2 AND created_at < ?3 "
      "AND category = ?4 ORDER BY created_at DESC LIMIT ?5";
  auto q = db_.prepare(sql);
  bind_span(q, p);
  q.bind(4, category);
  q.bind(5, limit);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::int64_t stats_store::complaints(const period_span& p) {
  static constexpr const char* sql =
      "SELECT count(*) FROM tickets WHERE community_id = ?1 AND created_at >= ?2 AND created_at < ?3 "
      "AND kind = 'complaint'";
  auto q = db_.prepare(sql);
  bind_span(q, p);
  return one_number(std::move(q));
}

period_activity stats_store::activity(const period_span& p) {
  period_activity a;
  static constexpr const char* notices_sql =
      "SELECT count(*) FROM notices WHERE community_id = ?1 AND published_at >= ?2 AND published_at < ?3 "
      "AND recalled_at IS NULL";
  static constexpr const char* emergencies_sql =
      "SELECT count(*), (SELECT count(*) FROM emergency_acks k JOIN emergencies e2 ON e2.id = k.emergency_id "
      "                  WHERE e2.community_id = ?1 AND e2.started_at >= ?2 AND e2.started_at < ?3) "
      "FROM emergencies WHERE community_id = ?1 AND started_at >= ?2 AND started_at < ?3";
  static constexpr const char* visits_sql =
      "SELECT count(*), count(DISTINCT building), "
      "       (SELECT count(DISTINCT building) FROM units WHERE community_id = ?1) "
      "FROM visits WHERE community_id = ?1 AND visited_at >= ?2 AND visited_at < ?3";
  static constexpr const char* votes_sql =
      "SELECT count(*) FROM votes WHERE community_id = ?1 AND created_at >= ?2 AND created_at < ?3";
  static constexpr const char* surveys_sql =
      "SELECT count(*) FROM surveys WHERE community_id = ?1 AND created_at >= ?2 AND created_at < ?3";
  {
    auto q = db_.prepare(notices_sql);
    bind_span(q, p);
    a.notices = one_number(std::move(q));
  }
  {
    auto q = db_.prepare(emergencies_sql);
    bind_span(q, p);
    if (q.executeStep()) {
      a.emergencies = q.getColumn(0).getInt64();
      a.emergency_acks = q.getColumn(1).getInt64();
    }
  }
  {
    auto q = db_.prepare(visits_sql);
    bind_span(q, p);
    if (q.executeStep()) {
      a.visits = q.getColumn(0).getInt64();
      a.buildings_visited = q.getColumn(1).getInt64();
      a.buildings = q.getColumn(2).getInt64();
    }
  }
  {
    auto q = db_.prepare(votes_sql);
    bind_span(q, p);
    a.votes = one_number(std::move(q));
  }
  {
    auto q = db_.prepare(surveys_sql);
    bind_span(q, p);
    a.surveys = one_number(std::move(q));
  }
  return a;
}

std::vector<ticket_mention> stats_store::escalated(const period_span& p, int limit) {
  static constexpr const char* sql =
      "SELECT id, category, rating FROM tickets WHERE community_id = ?1 AND escalated_at >= ?2 "
      "AND escalated_at < ?3 ORDER BY escalated_at LIMIT ?4";
  auto q = db_.prepare(sql);
  bind_span(q, p);
  q.bind(4, limit);
  return mentions(std::move(q));
}

std::vector<ticket_mention> stats_store::rated_low(const period_span& p, int limit) {
  static constexpr const char* sql =
      // CROSS JOIN keeps the ratings of the period first: without statistics SQLite would rather walk every
      // ticket of the community (330 ms on a million tickets).
      "SELECT DISTINCT t.id, t.category, t.rating FROM ticket_events e CROSS JOIN tickets t ON t.id = "
      "e.ticket_id "
      "WHERE e.action = 'rate' AND e.at >= ?2 AND e.at < ?3 AND t.community_id = ?1 AND t.rating <= 2 "
      "ORDER BY t.id LIMIT ?4";
  auto q = db_.prepare(sql);
  bind_span(q, p);
  q.bind(4, limit);
  return mentions(std::move(q));
}

std::int64_t stats_store::resolved_within(const period_span& p) {
  static constexpr const char* sql =
      "SELECT count(*) FROM tickets WHERE community_id = ?1 AND resolved_at >= ?2 AND resolved_at < ?3";
  auto q = db_.prepare(sql);
  bind_span(q, p);
  return one_number(std::move(q));
}

std::int64_t stats_store::open_now(std::int64_t community_id) {
  static const std::string sql =
      "SELECT count(*) FROM tickets WHERE community_id = ? AND state IN " + open_states();
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  return one_number(std::move(q));
}

std::int64_t stats_store::overdue_now(std::int64_t community_id, std::int64_t now_ms) {
  // The deadline expression of the open tickets' partial index (migration 16): only overdue ones are read.
  static const std::string sql =
      std::string("SELECT count(*) FROM tickets WHERE community_id = ?1 AND state IN ") +
      open_states_literal + " AND " + deadline_sql + " < ?2";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  q.bind(2, now_ms);
  return one_number(std::move(q));
}

std::vector<std::int64_t> stats_store::open_emergencies(std::int64_t community_id) {
  static constexpr const char* sql =
      "SELECT id FROM emergencies WHERE community_id = ? AND closed_at IS NULL ORDER BY id";
  auto q = db_.prepare(sql);
  q.bind(1, community_id);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<std::int64_t> stats_store::communities_with_managers() {
  static constexpr const char* sql =
      "SELECT DISTINCT community_id FROM chats WHERE kind = 'group' AND purpose = 'managers' AND active = 1 "
      "AND registered_at IS NOT NULL ORDER BY community_id";
  auto q = db_.prepare(sql);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace storage
