// The storage edge of the ticket vocabulary: enums become their text form here and in the SQL
// built from domain's state lists, and nowhere else.
#include "storage/ticket_store.hpp"

#include <algorithm>
#include <mutex>
#include <set>

#include "storage/statement.hpp"
#include "storage/ticket_deadlines_sql.hpp"
#include "storage/vocabulary_sql.hpp"

namespace storage {
namespace {

using domain::to_text;

constexpr const char* ticket_columns =
    "id, community_id, kind, category, priority, state, description, location, building, unit_id, "
    "reporter_id, "
    "origin_chat, origin_message_id, assignee_id, created_at, due_at, first_response_at, resolved_at, "
    "closed_at, "
    "rating, rating_comment, resolve_due_at, escalation, escalated_at, urged_at, visit_result, visited_at, "
    "anonymous, lang";

// The due time that matters next: the first response until there is one, then the fix.
constexpr const char* next_due = "CASE WHEN first_response_at IS NULL THEN due_at ELSE resolve_due_at END";

const std::string& open_states_sql() {
  static const std::string sql = sql_in(domain::open_ticket_states);
  return sql;
}

template <class T>
std::optional<T> opt(const column& c) {
  if (c.isNull()) return std::nullopt;
  if constexpr (std::is_same_v<T, std::string>)
    return c.getString();
  else if constexpr (std::is_same_v<T, int>)
    return c.getInt();
  else
    return c.getInt64();
}

}  // namespace

ticket_row ticket_store::read(statement& q) {
  ticket_row t;
  t.id = q.getColumn(0).getInt64();
  t.community_id = q.getColumn(1).getInt64();
  t.kind = column_as(q.getColumn(2), domain::parse_ticket_kind, "tickets.kind");
  t.category = column_as(q.getColumn(3), domain::parse_ticket_category, "tickets.category");
  t.priority = column_as(q.getColumn(4), domain::parse_ticket_priority, "tickets.priority");
  t.state = column_as(q.getColumn(5), domain::parse_ticket_state, "tickets.state");
  t.description = q.getColumn(6).getString();
  t.location = q.getColumn(7).getString();
  t.building = opt<std::string>(q.getColumn(8));
  t.unit_id = opt<std::int64_t>(q.getColumn(9));
  t.reporter_id = opt<std::int64_t>(q.getColumn(10));
  t.origin_chat = opt<std::int64_t>(q.getColumn(11));
  t.origin_message_id = q.getColumn(12).getString();
  t.assignee_id = opt<std::int64_t>(q.getColumn(13));
  t.created_at = q.getColumn(14).getInt64();
  t.due_at = opt<std::int64_t>(q.getColumn(15));
  t.first_response_at = opt<std::int64_t>(q.getColumn(16));
  t.resolved_at = opt<std::int64_t>(q.getColumn(17));
  t.closed_at = opt<std::int64_t>(q.getColumn(18));
  t.rating = opt<int>(q.getColumn(19));
  t.rating_comment = q.getColumn(20).isNull() ? std::string() : q.getColumn(20).getString();
  t.resolve_due_at = opt<std::int64_t>(q.getColumn(21));
  t.escalation = q.getColumn(22).getInt();
  t.escalated_at = opt<std::int64_t>(q.getColumn(23));
  t.urged_at = opt<std::int64_t>(q.getColumn(24));
  t.visit_result = optional_column_as(q.getColumn(25), domain::parse_visit_result, "tickets.visit_result");
  t.visited_at = opt<std::int64_t>(q.getColumn(26));
  t.anonymous = q.getColumn(27).getInt() != 0;
  t.lang = opt<std::string>(q.getColumn(28));
  return t;
}

std::vector<ticket_row> ticket_store::read_all(statement& q) {
  std::vector<ticket_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

std::int64_t ticket_store::create(const ticket_row& t) {
  static constexpr const char* sql =
      "INSERT INTO tickets (community_id, kind, category, priority, state, description, location, building, "
      "unit_id, reporter_id, origin_chat, origin_message_id, assignee_id, created_at, due_at, "
      "resolve_due_at, "
      "anonymous, lang) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, t.community_id);
  q.bind(2, std::string(to_text(t.kind)));
  q.bind(3, std::string(to_text(t.category)));
  q.bind(4, std::string(to_text(t.priority)));
  q.bind(5, std::string(to_text(t.state)));
  q.bind(6, t.description);
  q.bind(7, t.location);
  bind_optional(q, 8, t.building);
  bind_optional(q, 9, t.unit_id);
  bind_optional(q, 10, t.reporter_id);
  bind_optional(q, 11, t.origin_chat);
  q.bind(12, t.origin_message_id);
  bind_optional(q, 13, t.assignee_id);
  q.bind(14, t.created_at);
  bind_optional(q, 15, t.due_at);
  bind_optional(q, 16, t.resolve_due_at);
  q.bind(17, t.anonymous ? 1 : 0);
  bind_optional(q, 18, t.lang);
  q.exec();
  return db_.last_insert_id();
}

std::optional<ticket_row> ticket_store::get(std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + ticket_columns + " FROM tickets WHERE id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

void ticket_store::update(const ticket_row& t) {
  static constexpr const char* sql =
      "UPDATE tickets SET state = ?, assignee_id = ?, due_at = ?, resolve_due_at = ?, first_response_at = ?, "
      "resolved_at = ?, closed_at = ?, rating = ?, rating_comment = ?, escalation = ?, escalated_at = ?, "
      "urged_at = ?, visit_result = ?, visited_at = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, std::string(to_text(t.state)));
  bind_optional(q, 2, t.assignee_id);
  bind_optional(q, 3, t.due_at);
  bind_optional(q, 4, t.resolve_due_at);
  bind_optional(q, 5, t.first_response_at);
  bind_optional(q, 6, t.resolved_at);
  bind_optional(q, 7, t.closed_at);
  bind_optional(q, 8, t.rating);
  if (t.rating_comment.empty())
    q.bind(9);
  else
    q.bind(9, t.rating_comment);
  q.bind(10, t.escalation);
  bind_optional(q, 11, t.escalated_at);
  bind_optional(q, 12, t.urged_at);
  bind_optional(q, 13, optional_word(t.visit_result));
  bind_optional(q, 14, t.visited_at);
  q.bind(15, t.id);
  q.exec();
}

std::vector<ticket_row> ticket_store::by_reporter(std::int64_t member_id, int limit) {
  static const std::string sql = std::string("SELECT ") + ticket_columns +
                                 " FROM tickets WHERE reporter_id = ? ORDER BY id DESC LIMIT ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, member_id);
  q.bind(2, limit);
  return read_all(q);
}

std::int64_t ticket_store::count_by_reporter(std::int64_t member_id) {
  static constexpr const char* sql = "SELECT count(*) FROM tickets WHERE reporter_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, member_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::int64_t ticket_store::add_event(const ticket_event_row& e) {
  static constexpr const char* sql =
      "INSERT INTO ticket_events (ticket_id, at, actor_id, action, from_state, to_state, note) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, e.ticket_id);
  q.bind(2, e.at);
  bind_optional(q, 3, e.actor_id);
  q.bind(4, e.action);
  for (auto [index, state] : {std::pair{5, e.from_state}, std::pair{6, e.to_state}}) {
    if (state)
      q.bind(index, std::string(to_text(*state)));
    else
      q.bind(index);
  }
  q.bind(7, e.note);
  q.exec();
  return db_.last_insert_id();
}

std::vector<ticket_event_row> ticket_store::events(std::int64_t ticket_id) {
  static constexpr const char* sql =
      "SELECT e.id, e.ticket_id, e.at, e.actor_id, coalesce(m.display_name, ''), e.action, "
      "e.from_state, e.to_state, e.note "
      "FROM ticket_events e LEFT JOIN members m ON m.id = e.actor_id WHERE e.ticket_id = ? ORDER BY e.id";
  auto q = db_.prepare(sql);
  q.bind(1, ticket_id);
  std::vector<ticket_event_row> out;
  while (q.executeStep()) {
    ticket_event_row e;
    e.id = q.getColumn(0).getInt64();
    e.ticket_id = q.getColumn(1).getInt64();
    e.at = q.getColumn(2).getInt64();
    e.actor_id = opt<std::int64_t>(q.getColumn(3));
    e.actor_name = q.getColumn(4).getString();
    e.action = q.getColumn(5).getString();
    e.from_state = optional_column_as(q.getColumn(6), domain::parse_ticket_state, "ticket_events.from_state");
    e.to_state = optional_column_as(q.getColumn(7), domain::parse_ticket_state, "ticket_events.to_state");
    e.note = q.getColumn(8).getString();
    out.push_back(std::move(e));
  }
  return out;
}

void ticket_store::add_image(std::int64_t ticket_id, const std::string& reference, std::int64_t now_ms) {
  static constexpr const char* sql =
      "INSERT INTO ticket_images (ticket_id, reference, added_at) VALUES (?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, ticket_id);
  q.bind(2, reference);
  q.bind(3, now_ms);
  q.exec();
}

std::vector<std::string> ticket_store::images(std::int64_t ticket_id) {
  static constexpr const char* sql = "SELECT reference FROM ticket_images WHERE ticket_id = ? ORDER BY rowid";
  auto q = db_.prepare(sql);
  q.bind(1, ticket_id);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::vector<ticket_row> ticket_store::open_for_assignee(std::int64_t member_id, std::int64_t community_id,
                                                        int limit) {
  static const std::string sql = std::string("SELECT ") + ticket_columns +
                                 " FROM tickets WHERE assignee_id = ? AND community_id = ? AND state IN " +
                                 sql_in(domain::held_ticket_states) + " ORDER BY " + next_due +
                                 ", id LIMIT ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, member_id);
  q.bind(2, community_id);
  q.bind(3, limit);
  return read_all(q);
}

std::vector<ticket_row> ticket_store::pool(std::int64_t community_id, int limit) {
  static const std::string sql =
      std::string("SELECT ") + ticket_columns + " FROM tickets WHERE community_id = ? AND state = '" +
      std::string(to_text(domain::ticket_state::new_)) + "' ORDER BY due_at, id LIMIT ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  q.bind(2, limit);
  return read_all(q);
}

namespace {

// The filter's conditions, only those it sets, so that SQLite can use an index on them; an open
// list also names the open states as the partial indexes do (migration 16).
std::string filter_where(const ticket_filter& f, bool open_only) {
  std::string w = " WHERE community_id = ?1";
  if (!f.states.empty()) {
    std::vector<domain::ticket_state> states = f.states;
    std::sort(states.begin(), states.end());
    states.erase(std::unique(states.begin(), states.end()), states.end());
    w += " AND state IN " + sql_in(states);
  }
  if (open_only) w += std::string(" AND state IN ") + open_states_literal;
  if (f.building) w += " AND building = ?3";
  if (f.category) w += " AND category = ?4";
  if (f.kind) w += " AND kind = ?5";
  if (f.assignee_id) w += " AND assignee_id = ?7";
  return w;
}

void bind_filter(statement& q, const ticket_filter& f) {
  q.bind(1, f.community_id);
  if (f.building) q.bind(3, *f.building);
  if (f.category) q.bind(4, std::string(to_text(*f.category)));
  if (f.kind) q.bind(5, std::string(to_text(*f.kind)));
  if (f.assignee_id) q.bind(7, *f.assignee_id);
}

// One text per shape of query, kept for the process's life: the statement cache is keyed by the
// address of the SQL (a few dozen shapes at most: the filters a manager can combine).
const char* kept(std::string sql) {
  static std::mutex m;  // the event loop and the reader thread (dashboard ticket lists) both list
  static std::set<std::string> texts;
  std::lock_guard lock(m);
  return texts.insert(std::move(sql)).first->c_str();
}

bool only_open(const ticket_filter& f) {
  return !f.states.empty() && std::all_of(f.states.begin(), f.states.end(), domain::is_open);
}

}  // namespace

std::vector<ticket_row> ticket_store::list(const ticket_filter& f) {
  // Open tickets of a building (工单列表 待处理 3栋 水电) come from the open tickets of that place,
  // sorted: a few rows whatever the history, where SQLite left to itself would walk every open
  // ticket in due order looking for them. Other lists: open ones first.
  const bool open = only_open(f);
  const char* from = open && f.building ? " FROM tickets INDEXED BY tickets_open_by_place" : " FROM tickets";
  const std::string order = std::string(" ORDER BY ") +
                            (open ? "" : "state NOT IN " + open_states_sql() + ", ") + "coalesce(" +
                            next_due + ", created_at), id LIMIT ?6";
  auto q = db_.prepare(kept(std::string("SELECT ") + ticket_columns + from + filter_where(f, open) + order));
  bind_filter(q, f);
  q.bind(6, f.limit);
  return read_all(q);
}

std::int64_t ticket_store::count(const ticket_filter& f) {
  auto q = db_.prepare(kept("SELECT count(*) FROM tickets" + filter_where(f, only_open(f))));
  bind_filter(q, f);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<ticket_row> ticket_store::overdue(std::int64_t community_id, std::int64_t now_ms, int limit) {
  // Longest overdue first, straight from the open-ticket deadline index.
  static const std::string sql = std::string("SELECT ") + ticket_columns +
                                 " FROM tickets WHERE community_id = ?1 AND state IN " + open_states_literal +
                                 " AND " + deadline_sql + " < ?2 ORDER BY " + deadline_sql + ", id LIMIT ?3";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  q.bind(2, now_ms);
  q.bind(3, limit);
  return read_all(q);
}

std::vector<std::pair<std::int64_t, std::int64_t>> ticket_store::escalations_since(std::int64_t community_id,
                                                                                   std::int64_t after_id) {
  static constexpr const char* sql =
      "SELECT e.id, e.ticket_id FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id "
      "WHERE e.id > ? AND t.community_id = ? AND e.action IN ('escalate', 'escalate_again') ORDER BY e.id";
  auto q = db_.prepare(sql);
  q.bind(1, after_id);
  q.bind(2, community_id);
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
  return out;
}

ticket_stats ticket_store::stats(std::int64_t community_id, std::int64_t from_ms, std::int64_t to_ms,
                                 std::int64_t now_ms) {
  static const std::string totals_sql =
      std::string("SELECT count(*), ") +
      "count(*) FILTER (WHERE kind = 'repair'), count(*) FILTER (WHERE kind = 'complaint'), "
      "count(*) FILTER (WHERE kind = 'suggestion'), "
      "count(*) FILTER (WHERE state = 'resolved'), count(*) FILTER (WHERE state = 'closed'), "
      "count(*) FILTER (WHERE state = 'cancelled'), "
      "count(*) FILTER (WHERE state IN " +
      open_states_sql() + "), " +
      "count(first_response_at), coalesce(sum(first_response_at - created_at), 0), "
      "count(resolved_at), coalesce(sum(resolved_at - created_at), 0), "
      "count(*) FILTER (WHERE due_at < coalesce(first_response_at, ?4) AND state != 'cancelled'), "
      "count(*) FILTER (WHERE resolve_due_at < coalesce(resolved_at, ?4) AND state != 'cancelled'), "
      "count(rating), coalesce(sum(rating), 0), "
      "count(*) FILTER (WHERE visit_result = 'satisfied'), count(*) FILTER (WHERE visit_result = "
      "'unsatisfied') "
      "FROM tickets WHERE community_id = ?1 AND created_at >= ?2 AND created_at < ?3";
  auto q = db_.prepare(totals_sql.c_str());
  q.bind(1, community_id);
  q.bind(2, from_ms);
  q.bind(3, to_ms);
  q.bind(4, now_ms);
  q.executeStep();
  ticket_stats s;
  std::int64_t* fields[] = {&s.created,
                            &s.repairs,
                            &s.complaints,
                            &s.suggestions,
                            &s.resolved,
                            &s.closed,
                            &s.cancelled,
                            &s.open,
                            &s.responded,
                            &s.response_ms_total,
                            &s.fixed,
                            &s.fix_ms_total,
                            &s.late_response,
                            &s.late_fix,
                            &s.rated,
                            &s.rating_total,
                            &s.visits_satisfied,
                            &s.visits_unsatisfied};
  for (int i = 0; i < static_cast<int>(std::size(fields)); ++i) *fields[i] = q.getColumn(i).getInt64();
  return s;
}

}  // namespace storage
