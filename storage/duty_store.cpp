#include "storage/duty_store.hpp"

#include "storage/statement.hpp"
#include "storage/vocabulary_sql.hpp"

namespace storage {
namespace {

// The served categories as one column: "leak,elevator" ('' = all).
std::string join(const std::vector<domain::ticket_category>& categories) {
  std::string out;
  for (auto c : categories) (out += out.empty() ? "" : ",") += domain::to_text(c);
  return out;
}

std::vector<domain::ticket_category> split(const std::string& s) {
  std::vector<domain::ticket_category> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    if (comma > start)
      out.push_back(read_word(std::string_view(s).substr(start, comma - start), domain::parse_ticket_category,
                              "staff_duty.categories"));
    start = comma + 1;
  }
  return out;
}

constexpr const char* duty_columns =
    "d.member_id, coalesce(m.display_name, ''), d.on_duty, d.categories, d.last_assigned_at "
    "FROM staff_duty d LEFT JOIN members m ON m.id = d.member_id";

}  // namespace

duty_row duty_store::read(statement& q) {
  return duty_row{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt() != 0,
                  split(q.getColumn(3).getString()), q.getColumn(4).getInt64()};
}

void duty_store::set(std::int64_t member_id, std::int64_t community_id, bool on_duty,
                     const std::optional<std::vector<domain::ticket_category>>& categories,
                     std::int64_t now_ms) {
  static constexpr const char* sql =
      "INSERT INTO staff_duty (member_id, community_id, on_duty, categories, changed_at) "
      "VALUES (?1, ?2, ?3, coalesce(?4, ''), ?5) "
      "ON CONFLICT (member_id, community_id) DO UPDATE SET on_duty = ?3, "
      "categories = coalesce(?4, staff_duty.categories), changed_at = ?5";
  auto q = db_.prepare(sql);
  q.bind(1, member_id);
  q.bind(2, community_id);
  q.bind(3, on_duty ? 1 : 0);
  if (categories)
    q.bind(4, join(*categories));
  else
    q.bind(4);
  q.bind(5, now_ms);
  q.exec();
}

std::optional<duty_row> duty_store::get(std::int64_t member_id, std::int64_t community_id) {
  static const std::string sql =
      std::string("SELECT ") + duty_columns + " WHERE d.member_id = ? AND d.community_id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, member_id);
  q.bind(2, community_id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::vector<duty_row> duty_store::candidates(std::int64_t community_id, domain::ticket_category category) {
  static const std::string sql = std::string("SELECT ") + duty_columns +
                                 " WHERE d.community_id = ?1 AND d.on_duty = 1 AND (d.categories = '' OR "
                                 "instr(',' || d.categories || ',', ',' || ?2 || ',') > 0) "
                                 "ORDER BY d.last_assigned_at, d.member_id";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  q.bind(2, std::string(domain::to_text(category)));
  std::vector<duty_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

std::vector<duty_row> duty_store::on_duty(std::int64_t community_id) {
  static const std::string sql = std::string("SELECT ") + duty_columns +
                                 " WHERE d.community_id = ? AND d.on_duty = 1 ORDER BY m.display_name";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  std::vector<duty_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

void duty_store::assigned(std::int64_t member_id, std::int64_t community_id, std::int64_t now_ms) {
  static constexpr const char* sql =
      "UPDATE staff_duty SET last_assigned_at = ? WHERE member_id = ? AND community_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, now_ms);
  q.bind(2, member_id);
  q.bind(3, community_id);
  q.exec();
}

}  // namespace storage
