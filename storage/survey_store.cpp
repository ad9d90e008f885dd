#include "storage/survey_store.hpp"

#include "storage/statement.hpp"

namespace storage {
namespace {

constexpr const char* survey_columns =
    "id, community_id, title, deadline, created_by, created_at, plan, published_at";
constexpr const char* invite_columns =
    "survey_id, member_id, building, lang, next_item, asked_at, finished_at";

}  // namespace

survey_row survey_store::read(statement& q) {
  survey_row s;
  s.id = q.getColumn(0).getInt64();
  s.community_id = q.getColumn(1).getInt64();
  s.title = q.getColumn(2).getString();
  s.deadline = q.getColumn(3).getInt64();
  if (!q.getColumn(4).isNull()) s.created_by = q.getColumn(4).getInt64();
  s.created_at = q.getColumn(5).getInt64();
  if (!q.getColumn(6).isNull()) s.plan = q.getColumn(6).getString();
  if (!q.getColumn(7).isNull()) s.published_at = q.getColumn(7).getInt64();
  return s;
}

survey_invite_row survey_store::read_invite(statement& q) {
  survey_invite_row i;
  i.survey_id = q.getColumn(0).getInt64();
  i.member_id = q.getColumn(1).getInt64();
  i.building = q.getColumn(2).getString();
  if (!q.getColumn(3).isNull()) i.lang = q.getColumn(3).getString();
  i.next_item = q.getColumn(4).getInt();
  i.asked_at = q.getColumn(5).getInt64();
  if (!q.getColumn(6).isNull()) i.finished_at = q.getColumn(6).getInt64();
  return i;
}

std::int64_t survey_store::create(const survey_row& s,
                                  const std::vector<std::pair<std::string, std::string>>& items) {
  static constexpr const char* sql =
      "INSERT INTO surveys (community_id, title, deadline, created_by, created_at) VALUES (?, ?, ?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, s.community_id);
  q.bind(2, s.title);
  q.bind(3, s.deadline);
  bind_optional(q, 4, s.created_by);
  q.bind(5, s.created_at);
  q.exec();
  const std::int64_t id = db_.last_insert_id();
  static constexpr const char* item_sql =
      "INSERT INTO survey_items (survey_id, position, name_zh, name_en) VALUES (?, ?, ?, ?)";
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto qi = db_.prepare(item_sql);
    qi.bind(1, id);
    qi.bind(2, static_cast<int>(i));
    qi.bind(3, items[i].first);
    qi.bind(4, items[i].second);
    qi.exec();
  }
  return id;
}

std::optional<survey_row> survey_store::get(std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + survey_columns + " FROM surveys WHERE id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::vector<survey_row> survey_store::list(std::int64_t community_id, int limit) {
  static const std::string sql = std::string("SELECT ") + survey_columns +
                                 " FROM surveys WHERE community_id = ? ORDER BY id DESC LIMIT ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  q.bind(2, limit);
  std::vector<survey_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

std::optional<survey_row> survey_store::previous(const survey_row& s) {
  static const std::string sql = std::string("SELECT ") + survey_columns +
                                 " FROM surveys WHERE community_id = ? AND id < ? ORDER BY id DESC LIMIT 1";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, s.community_id);
  q.bind(2, s.id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::vector<survey_item_row> survey_store::items(std::int64_t survey_id) {
  static constexpr const char* sql =
      "SELECT position, name_zh, name_en, skipped, n1, n2, n3, n4, n5 FROM survey_items "
      "WHERE survey_id = ? ORDER BY position";
  auto q = db_.prepare(sql);
  q.bind(1, survey_id);
  std::vector<survey_item_row> out;
  while (q.executeStep()) {
    survey_item_row i;
    i.position = q.getColumn(0).getInt();
    i.name_zh = q.getColumn(1).getString();
    i.name_en = q.getColumn(2).getString();
    i.skipped = q.getColumn(3).getInt();
    for (int k = 0; k < 5; ++k) i.scores[static_cast<std::size_t>(k)] = q.getColumn(4 + k).getInt();
    out.push_back(std::move(i));
  }
  return out;
}

void survey_store::publish(std::int64_t id, const std::string& plan, std::int64_t at) {
  static constexpr const char* sql = "UPDATE surveys SET plan = ?, published_at = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, plan);
  q.bind(2, at);
  q.bind(3, id);
  q.exec();
}

std::vector<bound_owner> survey_store::bound_owners(std::int64_t community_id) {
  // The first room by roster order gives the building.
  static constexpr const char* sql =
      "SELECT b.member_id, (SELECT u2.building FROM bindings b2 JOIN units u2 ON u2.id = b2.unit_id "
      "                    WHERE b2.member_id = b.member_id AND u2.community_id = ?1 ORDER BY u2.id LIMIT 1) "
      "FROM bindings b JOIN units u ON u.id = b.unit_id WHERE u.community_id = ?1 "
      "GROUP BY b.member_id ORDER BY b.member_id";
  auto q = db_.prepare(sql);
  q.bind(1, community_id);
  std::vector<bound_owner> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
  return out;
}

bool survey_store::invite(std::int64_t survey_id, const bound_owner& o,
                          const std::optional<std::string>& lang, std::int64_t at) {
  static constexpr const char* sql =
      "INSERT OR IGNORE INTO survey_invites (survey_id, member_id, building, lang, asked_at) "
      "VALUES (?, ?, ?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, survey_id);
  q.bind(2, o.member_id);
  q.bind(3, o.building);
  bind_optional(q, 4, lang);
  q.bind(5, at);
  return q.exec() == 1;
}

std::optional<survey_invite_row> survey_store::invitation(std::int64_t survey_id, std::int64_t member_id) {
  static const std::string sql =
      std::string("SELECT ") + invite_columns + " FROM survey_invites WHERE survey_id = ? AND member_id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, survey_id);
  q.bind(2, member_id);
  if (!q.executeStep()) return std::nullopt;
  return read_invite(q);
}

std::optional<survey_invite_row> survey_store::open_dialogue(std::int64_t member_id, std::int64_t now_ms) {
  static constexpr const char* sql =
      "SELECT i.survey_id, i.member_id, i.building, i.lang, i.next_item, i.asked_at, i.finished_at "
      "FROM survey_invites i JOIN surveys s ON s.id = i.survey_id "
      "WHERE i.member_id = ? AND i.finished_at IS NULL AND s.deadline > ? "
      "ORDER BY i.asked_at DESC, i.survey_id DESC LIMIT 1";
  auto q = db_.prepare(sql);
  q.bind(1, member_id);
  q.bind(2, now_ms);
  if (!q.executeStep()) return std::nullopt;
  return read_invite(q);
}

std::vector<survey_invite_row> survey_store::unfinished(std::int64_t survey_id) {
  static const std::string sql = std::string("SELECT ") + invite_columns +
                                 " FROM survey_invites WHERE survey_id = ? AND finished_at IS NULL "
                                 "ORDER BY member_id";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, survey_id);
  std::vector<survey_invite_row> out;
  while (q.executeStep()) out.push_back(read_invite(q));
  return out;
}

std::vector<survey_turnout> survey_store::turnout(std::int64_t survey_id) {
  static constexpr const char* sql =
      "SELECT building, count(*), count(finished_at), "
      "       sum(CASE WHEN finished_at IS NULL AND next_item > 0 THEN 1 ELSE 0 END) "
      "FROM survey_invites WHERE survey_id = ? GROUP BY building "
      "ORDER BY length(building), building";
  auto q = db_.prepare(sql);
  q.bind(1, survey_id);
  std::vector<survey_turnout> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getInt(),
                   q.getColumn(3).getInt()});
  return out;
}

bool survey_store::answer(std::int64_t survey_id, std::int64_t member_id, int position,
                          std::optional<int> score, int next_item, std::int64_t at) {
  static constexpr const char* sql =
      "UPDATE survey_invites SET next_item = ?, asked_at = ? "
      "WHERE survey_id = ? AND member_id = ? AND next_item = ? AND finished_at IS NULL";
  auto q = db_.prepare(sql);
  q.bind(1, next_item);
  q.bind(2, at);
  q.bind(3, survey_id);
  q.bind(4, member_id);
  q.bind(5, position);
  if (q.exec() != 1) return false;  // not at that item: counted once only
  static constexpr const char* count_sql =
      "UPDATE survey_items SET skipped = skipped + CASE WHEN ?3 IS NULL THEN 1 ELSE 0 END, "
      "n1 = n1 + CASE WHEN ?3 = 1 THEN 1 ELSE 0 END, n2 = n2 + CASE WHEN ?3 = 2 THEN 1 ELSE 0 END, "
      "n3 = n3 + CASE WHEN ?3 = 3 THEN 1 ELSE 0 END, n4 = n4 + CASE WHEN ?3 = 4 THEN 1 ELSE 0 END, "
      "n5 = n5 + CASE WHEN ?3 = 5 THEN 1 ELSE 0 END WHERE survey_id = ?1 AND position = ?2";
  auto c = db_.prepare(count_sql);
  c.bind(1, survey_id);
  c.bind(2, position);
  bind_optional(c, 3, score);
  c.exec();
  return true;
}

void survey_store::asked(std::int64_t survey_id, std::int64_t member_id,
                         const std::optional<std::string>& lang, std::int64_t at) {
  static constexpr const char* sql =
      "UPDATE survey_invites SET asked_at = ?, lang = ifnull(?, lang) WHERE survey_id = ? AND member_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, at);
  bind_optional(q, 2, lang);
  q.bind(3, survey_id);
  q.bind(4, member_id);
  q.exec();
}

void survey_store::finish(std::int64_t survey_id, std::int64_t member_id,
                          const std::optional<std::string>& comment, std::int64_t at) {
  static constexpr const char* sql =
      "UPDATE survey_invites SET finished_at = ? WHERE survey_id = ? AND member_id = ? AND finished_at IS "
      "NULL";
  auto q = db_.prepare(sql);
  q.bind(1, at - at % 86'400'000);
  q.bind(2, survey_id);
  q.bind(3, member_id);
  if (q.exec() != 1 || !comment) return;
  static constexpr const char* comment_sql =
      "INSERT INTO survey_comments (survey_id, token, text) VALUES (?, randomblob(16), ?)";
  auto c = db_.prepare(comment_sql);
  c.bind(1, survey_id);
  c.bind(2, *comment);
  c.exec();
}

std::vector<std::string> survey_store::comments(std::int64_t survey_id) {
  static constexpr const char* sql = "SELECT text FROM survey_comments WHERE survey_id = ? ORDER BY token";
  auto q = db_.prepare(sql);
  q.bind(1, survey_id);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

int survey_store::comment_count(std::int64_t survey_id) {
  static constexpr const char* sql = "SELECT count(*) FROM survey_comments WHERE survey_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, survey_id);
  q.executeStep();
  return q.getColumn(0).getInt();
}

}  // namespace storage
