#include "storage/trend_store.hpp"

#include <string>

#include "storage/statement.hpp"

namespace storage {

std::vector<day_count> trend_store::per_day(const period_span& p, int utc_offset_minutes) {
  static constexpr const char* sql =
      "SELECT (created_at + ?4) / 86400000 AS day, category, count(*), count(rating), coalesce(sum(rating), "
      "0) "
      "FROM tickets WHERE community_id = ?1 AND created_at >= ?2 AND created_at < ?3 "
      "GROUP BY day, category ORDER BY day, category";
  auto q = db_.prepare(sql);
  q.bind(1, p.community_id);
  q.bind(2, p.from);
  q.bind(3, p.to);
  q.bind(4, std::int64_t{utc_offset_minutes} * 60'000);
  std::vector<day_count> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                   q.getColumn(3).getInt64(), q.getColumn(4).getInt64()});
  return out;
}

std::array<std::int64_t, fix_bucket_hours.size() + 1> trend_store::fix_times(const period_span& p) {
  static const std::string sql = [] {
    std::string s = "SELECT CASE";
    for (std::size_t i = 0; i < fix_bucket_hours.size(); ++i)
      s += " WHEN resolved_at - created_at < " +
           std::to_string(std::int64_t{fix_bucket_hours[i]} * 3'600'000) + " THEN " + std::to_string(i);
    s += " ELSE " + std::to_string(fix_bucket_hours.size()) +
         " END AS bucket, count(*) FROM tickets WHERE community_id = ?1 AND created_at >= ?2 AND created_at "
         "< ?3 "
         "AND resolved_at IS NOT NULL GROUP BY bucket";
    return s;
  }();
  auto q = db_.prepare(sql.c_str());
  q.bind(1, p.community_id);
  q.bind(2, p.from);
  q.bind(3, p.to);
  std::array<std::int64_t, fix_bucket_hours.size() + 1> out{};
  while (q.executeStep()) {
    const auto bucket = static_cast<std::size_t>(q.getColumn(0).getInt64());
    if (bucket < out.size()) out[bucket] = q.getColumn(1).getInt64();
  }
  return out;
}

std::vector<vote_turnout> trend_store::votes(const period_span& p) {
  static constexpr const char* sql =
      "SELECT v.id, v.title, coalesce(e.rooms, 0), coalesce(t.rooms, 0), coalesce(t.heads, 0) FROM votes v "
      "LEFT JOIN vote_tally e ON e.vote_id = v.id AND e.building = '' AND e.choice = -2 "
      "LEFT JOIN vote_tally t ON t.vote_id = v.id AND t.building = '' AND t.choice = -1 "
      "WHERE v.community_id = ?1 AND v.created_at >= ?2 AND v.created_at < ?3 ORDER BY v.id";
  auto q = db_.prepare(sql);
  q.bind(1, p.community_id);
  q.bind(2, p.from);
  q.bind(3, p.to);
  std::vector<vote_turnout> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                   q.getColumn(3).getInt64(), q.getColumn(4).getInt64()});
  return out;
}

std::vector<std::int64_t> trend_store::emergencies(const period_span& p, int limit) {
  static constexpr const char* sql =
      "SELECT id FROM emergencies WHERE community_id = ?1 AND started_at >= ?2 "
      "AND started_at < ?3 ORDER BY started_at DESC, id DESC LIMIT ?4";
  auto q = db_.prepare(sql);
  q.bind(1, p.community_id);
  q.bind(2, p.from);
  q.bind(3, p.to);
  q.bind(4, limit);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

}  // namespace storage
