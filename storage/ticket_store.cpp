#include "storage/ticket_store.hpp"

namespace storage {
namespace {

constexpr const char* ticket_columns =
    "id, community_id, kind, category, priority, state, description, location, building, unit_id, reporter_id, "
    "origin_chat, origin_message_id, assignee_id, created_at, due_at, first_response_at, resolved_at, closed_at, "
    "rating, rating_comment";

template <class T>
std::optional<T> opt(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  if constexpr (std::is_same_v<T, std::string>)
    return c.getString();
  else if constexpr (std::is_same_v<T, int>)
    return c.getInt();
  else
    return c.getInt64();
}

template <class T>
void bind_opt(SQLite::Statement& q, int i, const std::optional<T>& v) {
  if (v)
    q.bind(i, *v);
  else
    q.bind(i);
}

}  // namespace

ticket_row ticket_store::read(SQLite::Statement& q) {
  ticket_row t;
  t.id = q.getColumn(0).getInt64();
  t.community_id = q.getColumn(1).getInt64();
  t.kind = q.getColumn(2).getString();
  t.category = q.getColumn(3).getString();
  t.priority = q.getColumn(4).getString();
  t.state = q.getColumn(5).getString();
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
  t.rating_comment = q.getColumn(20).getString();
  return t;
}

std::int64_t ticket_store::create(const ticket_row& t) {
  static constexpr const char* sql =
      "INSERT INTO tickets (community_id, kind, category, priority, state, description, location, building, "
      "unit_id, reporter_id, origin_chat, origin_message_id, assignee_id, created_at, due_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  auto& q = db_.prepare(sql);
  q.bind(1, t.community_id);
  q.bind(2, t.kind);
  q.bind(3, t.category);
  q.bind(4, t.priority);
  q.bind(5, t.state);
  q.bind(6, t.description);
  q.bind(7, t.location);
  bind_opt(q, 8, t.building);
  bind_opt(q, 9, t.unit_id);
  bind_opt(q, 10, t.reporter_id);
  bind_opt(q, 11, t.origin_chat);
  q.bind(12, t.origin_message_id);
  bind_opt(q, 13, t.assignee_id);
  q.bind(14, t.created_at);
  bind_opt(q, 15, t.due_at);
  q.exec();
  return db_.raw().getLastInsertRowid();
}

std::optional<ticket_row> ticket_store::get(std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + ticket_columns + " FROM tickets WHERE id = ?";
  auto& q = db_.prepare(sql.c_str());
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::vector<ticket_row> ticket_store::by_reporter(std::int64_t member_id, int limit) {
  static const std::string sql =
      std::string("SELECT ") + ticket_columns + " FROM tickets WHERE reporter_id = ? ORDER BY id DESC LIMIT ?";
  auto& q = db_.prepare(sql.c_str());
  q.bind(1, member_id);
  q.bind(2, limit);
  std::vector<ticket_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

std::int64_t ticket_store::count_by_reporter(std::int64_t member_id) {
  static constexpr const char* sql = "SELECT count(*) FROM tickets WHERE reporter_id = ?";
  auto& q = db_.prepare(sql);
  q.bind(1, member_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

void ticket_store::set_state(std::int64_t id, const std::string& state) {
  static constexpr const char* sql = "UPDATE tickets SET state = ? WHERE id = ?";
  auto& q = db_.prepare(sql);
  q.bind(1, state);
  q.bind(2, id);
  q.exec();
}

void ticket_store::add_event(const ticket_event_row& e) {
  static constexpr const char* sql =
      "INSERT INTO ticket_events (ticket_id, at, actor_id, action, from_state, to_state, note) "
      "VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?)";
  auto& q = db_.prepare(sql);
  q.bind(1, e.ticket_id);
  q.bind(2, e.at);
  bind_opt(q, 3, e.actor_id);
  q.bind(4, e.action);
  q.bind(5, e.from_state);
  q.bind(6, e.to_state);
  q.bind(7, e.note);
  q.exec();
}

std::vector<ticket_event_row> ticket_store::events(std::int64_t ticket_id) {
  static constexpr const char* sql =
      "SELECT e.id, e.ticket_id, e.at, e.actor_id, coalesce(m.display_name, ''), e.action, "
      "coalesce(e.from_state, ''), coalesce(e.to_state, ''), e.note "
      "FROM ticket_events e LEFT JOIN members m ON m.id = e.actor_id WHERE e.ticket_id = ? ORDER BY e.id";
  auto& q = db_.prepare(sql);
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
    e.from_state = q.getColumn(6).getString();
    e.to_state = q.getColumn(7).getString();
    e.note = q.getColumn(8).getString();
    out.push_back(std::move(e));
  }
  return out;
}

void ticket_store::add_image(std::int64_t ticket_id, const std::string& reference, std::int64_t now_ms) {
  static constexpr const char* sql = "INSERT INTO ticket_images (ticket_id, reference, added_at) VALUES (?, ?, ?)";
  auto& q = db_.prepare(sql);
  q.bind(1, ticket_id);
  q.bind(2, reference);
  q.bind(3, now_ms);
  q.exec();
}

std::vector<std::string> ticket_store::images(std::int64_t ticket_id) {
  static constexpr const char* sql = "SELECT reference FROM ticket_images WHERE ticket_id = ? ORDER BY rowid";
  auto& q = db_.prepare(sql);
  q.bind(1, ticket_id);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

}  // namespace storage
