// The per-day sums of statistics are kept only when nothing changed while they were worked out: a
// reader thread sums from a read snapshot and takes the write lock only to store the result.
#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>

#include "storage/day_sums_store.hpp"
#include "storage/stores.hpp"
#include "support/temp_dir.hpp"

namespace day_sums_store_test {

TEST_CASE("a day's sums are not kept when another connection committed while they were worked out",
          "[storage][stats]") {
  testing::temp_dir dir;
  const auto path = dir.file("sums.sqlite3");
  storage::database db(path);
  storage::stores s(db);
  const std::int64_t community = s.communities.ensure("阳光花园", 1);
  storage::day_sums_store sums(db);
  sums.use_offset(0);
  const storage::period_span day0{community, 0, 86'400'000};
  const std::vector<storage::day_sum_row> worked_out{{0, "", "counters", "", ""}};

  bool kept = true;
  auto rows = sums.sum_and_keep(
      community, 0, day0,
      [&](const std::vector<storage::day_ticket>&) {
        SQLite::Database other(path, SQLite::OPEN_READWRITE);  // a ticket may have changed meanwhile
        other.exec("INSERT INTO communities (name, created_at) VALUES ('另一个小区', 2)");
        return worked_out;
      },
      kept);
  CHECK_FALSE(kept);
  CHECK(rows.size() == 1);  // still counted this time
  CHECK(sums.unsummed(community, 0, 0) == std::vector<std::int64_t>{0});
  CHECK(sums.sums(community, 0, 0, storage::day_sums_store::dims::all).empty());

  sums.sum_and_keep(
      community, 0, day0, [&](const std::vector<storage::day_ticket>&) { return worked_out; }, kept);
  CHECK(kept);
  CHECK(sums.unsummed(community, 0, 0).empty());
  CHECK(sums.sums(community, 0, 0, storage::day_sums_store::dims::all).size() == 1);
}

}  // namespace day_sums_store_test
