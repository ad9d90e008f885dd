#include "storage/notice_store.hpp"

#include "storage/statement.hpp"

namespace storage {
namespace {

constexpr const char* notice_columns =
    "id, community_id, building, title, body, author_id, created_at, publish_at, published_at, recalled_at";

}  // namespace

notice_row notice_store::read(statement& q) {
  notice_row n;
  n.id = q.getColumn(0).getInt64();
  n.community_id = q.getColumn(1).getInt64();
  if (!q.getColumn(2).isNull()) n.building = q.getColumn(2).getString();
  n.title = q.getColumn(3).getString();
  n.body = q.getColumn(4).getString();
  if (!q.getColumn(5).isNull()) n.author_id = q.getColumn(5).getInt64();
  n.created_at = q.getColumn(6).getInt64();
  n.publish_at = q.getColumn(7).getInt64();
  if (!q.getColumn(8).isNull()) n.published_at = q.getColumn(8).getInt64();
  if (!q.getColumn(9).isNull()) n.recalled_at = q.getColumn(9).getInt64();
  return n;
}

std::int64_t notice_store::create(const notice_row& n) {
  static constexpr const char* sql =
      "INSERT INTO notices (community_id, building, title, body, author_id, created_at, publish_at, "
      "published_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, n.community_id);
  bind_optional(q, 2, n.building);
  q.bind(3, n.title);
  q.bind(4, n.body);
  bind_optional(q, 5, n.author_id);
  q.bind(6, n.created_at);
  q.bind(7, n.publish_at);
  bind_optional(q, 8, n.published_at);
  q.exec();
  return db_.last_insert_id();
}

std::optional<notice_row> notice_store::get(std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + notice_columns + " FROM notices WHERE id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

void notice_store::mark_published(std::int64_t id, std::int64_t at) {
  static constexpr const char* sql = "UPDATE notices SET published_at = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, at);
  q.bind(2, id);
  q.exec();
}

void notice_store::mark_recalled(std::int64_t id, std::int64_t by_member, std::int64_t at) {
  static constexpr const char* sql = "UPDATE notices SET recalled_at = ?, recalled_by = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, at);
  q.bind(2, by_member);
  q.bind(3, id);
  q.exec();
}

std::vector<notice_row> notice_store::recent(std::int64_t community_id, bool with_unpublished, int limit) {
  static const std::string sql =
      std::string("SELECT ") + notice_columns +
      " FROM notices WHERE community_id = ? AND (? = 1 OR published_at IS NOT NULL) "
      "ORDER BY id DESC LIMIT ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  q.bind(2, with_unpublished ? 1 : 0);
  q.bind(3, limit);
  std::vector<notice_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

std::int64_t notice_store::count(std::int64_t community_id, bool with_unpublished) {
  static constexpr const char* sql =
      "SELECT count(*) FROM notices WHERE community_id = ? AND (? = 1 OR published_at IS NOT NULL)";
  auto q = db_.prepare(sql);
  q.bind(1, community_id);
  q.bind(2, with_unpublished ? 1 : 0);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<notice_row> notice_store::search(std::int64_t community_id, const std::vector<std::string>& words,
                                             bool with_unpublished, int limit) {
  // instr() rather than LIKE: no wildcard escaping, and owners type Chinese, which has no case.
  static const std::string sql = std::string("SELECT ") + notice_columns +
                                 " FROM notices WHERE community_id = ?1 AND (?2 = 1 OR (published_at IS NOT "
                                 "NULL AND recalled_at IS NULL)) "
                                 "AND instr(lower(title || char(10) || body), lower(?3)) > 0 "
                                 "AND (?4 = '' OR instr(lower(title || char(10) || body), lower(?4)) > 0) "
                                 "AND (?5 = '' OR instr(lower(title || char(10) || body), lower(?5)) > 0) "
                                 "ORDER BY id DESC LIMIT ?6";
  if (words.empty()) return {};
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  q.bind(2, with_unpublished ? 1 : 0);
  for (int i = 0; i < 3; ++i) q.bind(3 + i, i < static_cast<int>(words.size()) ? words[i] : std::string());
  q.bind(6, limit);
  std::vector<notice_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

}  // namespace storage
