// The dashboard's series: tickets and ratings per local day (the community's midnight, not UTC's),
// and resolution times in buckets.
#include <catch2/catch.hpp>

#include "storage/database.hpp"
#include "storage/stores.hpp"
#include "storage/trend_store.hpp"
#include "support/scratch_db.hpp"

namespace {

constexpr std::int64_t hour = 3'600'000;
// 2026-12-01 00:00 in China (UTC+8) is 2026-11-30 16:00 UTC.
constexpr std::int64_t china_dec_1 = 1'796'083'200'000 - 8 * hour;

std::int64_t add(storage::stores& s, std::int64_t community, std::int64_t created, domain::ticket_category c,
                 std::optional<std::int64_t> fixed_after = {}, std::optional<int> rating = {}) {
  storage::ticket_row t;
  t.community_id = community;
  t.category = c;
  t.description = "x";
  t.created_at = created;
  t.id = s.tickets.create(t);
  if (fixed_after) t.resolved_at = created + *fixed_after;
  t.rating = rating;
  s.tickets.update(t);
  return t.id;
}

}  // namespace

TEST_CASE("tickets per day fall on the community's local day", "[storage][dashboard]") {
  storage::database db(testing::scratch_database());
  storage::stores s(db);
  const auto c = s.communities.ensure("阳光花园", 0);
  const auto other = s.communities.ensure("翠湖苑", 0);
  add(s, c, china_dec_1 - 60'000, domain::ticket_category::leak);         // 11-30 23:59 local
  add(s, c, china_dec_1 + 60'000, domain::ticket_category::leak, {}, 4);  // 12-01 00:01 local
  add(s, c, china_dec_1 + 2 * hour, domain::ticket_category::elevator, {}, 2);
  add(s, other, china_dec_1 + hour, domain::ticket_category::leak);  // another community
  storage::trend_store trends(db);
  const storage::period_span span{c, china_dec_1 - 24 * hour, china_dec_1 + 24 * hour};
  const auto rows = trends.per_day(span, 480);
  REQUIRE(rows.size() == 3);
  const std::int64_t dec_1 = (china_dec_1 + 8 * hour) / (24 * hour);
  CHECK(rows[0].day == dec_1 - 1);
  CHECK(rows[0].tickets == 1);
  CHECK(rows[1].day == dec_1);
  CHECK(rows[1].category == "elevator");
  CHECK(rows[1].rating_total == 2);
  CHECK(rows[2].day == dec_1);
  CHECK(rows[2].category == "leak");
  CHECK(rows[2].rated == 1);
  // In UTC all three are on November 30th.
  const auto utc = trends.per_day(span, 0);
  REQUIRE(utc.size() == 2);
  CHECK(utc[0].day == utc[1].day);
  CHECK(trends.per_day({c, 0, 1}, 480).empty());
}

TEST_CASE("resolution times are counted in their buckets", "[storage][dashboard]") {
  storage::database db(testing::scratch_database());
  storage::stores s(db);
  const auto c = s.communities.ensure("阳光花园", 0);
  add(s, c, china_dec_1, domain::ticket_category::leak, hour / 2);    // < 1 h
  add(s, c, china_dec_1, domain::ticket_category::leak, hour);        // 1–4 h (the bound is exclusive)
  add(s, c, china_dec_1, domain::ticket_category::leak, 30 * hour);   // 24–72 h
  add(s, c, china_dec_1, domain::ticket_category::leak, 200 * hour);  // over a week
  add(s, c, china_dec_1, domain::ticket_category::leak);              // not resolved
  storage::trend_store trends(db);
  const auto b = trends.fix_times({c, china_dec_1, china_dec_1 + 1});
  CHECK(b == std::array<std::int64_t, 7>{1, 1, 0, 0, 1, 0, 1});
}
