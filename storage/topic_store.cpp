#include "storage/topic_store.hpp"

#include "storage/statement.hpp"

namespace storage {
namespace {

constexpr const char* topic_columns =
    "id, community_id, title, building, category, created_by, created_at, closed_at, summary, vote_id";

}  // namespace

topic_row topic_store::read(statement& q) {
  topic_row t;
  t.id = q.getColumn(0).getInt64();
  t.community_id = q.getColumn(1).getInt64();
  t.title = q.getColumn(2).getString();
  if (!q.getColumn(3).isNull()) t.building = q.getColumn(3).getString();
  if (!q.getColumn(4).isNull()) t.category = q.getColumn(4).getString();
  if (!q.getColumn(5).isNull()) t.created_by = q.getColumn(5).getInt64();
  t.created_at = q.getColumn(6).getInt64();
  if (!q.getColumn(7).isNull()) t.closed_at = q.getColumn(7).getInt64();
  if (!q.getColumn(8).isNull()) t.summary = q.getColumn(8).getString();
  if (!q.getColumn(9).isNull()) t.vote_id = q.getColumn(9).getInt64();
  return t;
}

std::int64_t topic_store::create(const topic_row& t) {
  static constexpr const char* sql =
      "INSERT INTO topics (community_id, title, building, category, created_by, created_at) VALUES (?, ?, ?, "
      "?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, t.community_id);
  q.bind(2, t.title);
  bind_optional(q, 3, t.building);
  bind_optional(q, 4, t.category);
  bind_optional(q, 5, t.created_by);
  q.bind(6, t.created_at);
  q.exec();
  return db_.last_insert_id();
}

std::optional<topic_row> topic_store::get(std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + topic_columns + " FROM topics WHERE id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::vector<topic_row> topic_store::list(std::int64_t community_id, int limit) {
  static const std::string sql =
      std::string("SELECT ") + topic_columns +
      " FROM topics WHERE community_id = ? ORDER BY closed_at IS NOT NULL, id DESC LIMIT ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  q.bind(2, limit);
  std::vector<topic_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

void topic_store::close(std::int64_t id, std::int64_t at, const std::optional<std::string>& summary,
                        const std::optional<std::int64_t>& vote_id) {
  static constexpr const char* sql = "UPDATE topics SET closed_at = ?, summary = ?, vote_id = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, at);
  bind_optional(q, 2, summary);
  bind_optional(q, 3, vote_id);
  q.bind(4, id);
  q.exec();
}

bool topic_store::give(std::int64_t topic_id, const opinion_row& o) {
  static constexpr const char* find_sql = "SELECT 1 FROM topic_opinions WHERE topic_id = ? AND member_id = ?";
  auto f = db_.prepare(find_sql);
  f.bind(1, topic_id);
  f.bind(2, o.member_id);
  const bool had = f.executeStep();
  static constexpr const char* sql =
      "INSERT INTO topic_opinions (topic_id, member_id, building, text, at) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (topic_id, member_id) DO UPDATE SET building = excluded.building, text = excluded.text, "
      "at = excluded.at";
  auto q = db_.prepare(sql);
  q.bind(1, topic_id);
  q.bind(2, o.member_id);
  q.bind(3, o.building);
  q.bind(4, o.text);
  q.bind(5, o.at);
  q.exec();
  return !had;
}

std::vector<opinion_row> topic_store::opinions(std::int64_t topic_id) {
  static constexpr const char* sql =
      "SELECT member_id, building, text, at FROM topic_opinions WHERE topic_id = ? "
      "ORDER BY building = '', length(building), building, at";
  auto q = db_.prepare(sql);
  q.bind(1, topic_id);
  std::vector<opinion_row> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getInt64()});
  return out;
}

int topic_store::count(std::int64_t topic_id) {
  static constexpr const char* sql = "SELECT count(*) FROM topic_opinions WHERE topic_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, topic_id);
  q.executeStep();
  return q.getColumn(0).getInt();
}

}  // namespace storage
