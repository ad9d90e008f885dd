// `estatebot copy-db --from FILE`: an SQLite database moved into PostgreSQL keeps every ticket,
// the sealed suggestion box and the numbering, and a second run copies nothing twice. Needs a
// PostgreSQL database: hidden from the SQLite run, run by scripts/test-postgres ("[pg-only]").
#include <catch2/catch.hpp>

#include "storage/copy_db.hpp"
#include "storage/database.hpp"
#include "support/scratch_db.hpp"
#include "support/temp_dir.hpp"
#include "support/test_bot.hpp"

namespace copy_db_test {

using testing::test_bot;

TEST_CASE("an SQLite database copied into PostgreSQL carries on where it stopped", "[.][pg-only][storage]") {
  REQUIRE(testing::on_postgres());
  testing::temp_dir dir;
  const std::string file = dir.file("bot.sqlite3");
  {
    test_bot bot("", file);
    bot.as("管理员").in_group("3栋业主群").say("绑定小区 阳光花园 3栋");
    bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 厨房水管漏水").should_reply_containing("#1");
    bot.as("李先生").in_group("3栋业主群").say("投诉 楼道灯坏了三天").should_reply_containing("#2");
    bot.as("赵女士").in_private().say("匿名建议 希望夜里多巡逻").should_reply_containing("已收到");
  }
  const std::string url = testing::scratch_database();
  std::vector<storage::table_count> first, second;
  std::vector<std::string> progressed;
  {
    storage::database from(file);
    storage::database to(url);
    first =
        storage::copy_database(from, to, [&](const std::string& table, std::int64_t done, std::int64_t all) {
          if (done == all) progressed.push_back(table);
        });
    second = storage::copy_database(from, to, nullptr);
  }
  std::int64_t copied_first = 0, copied_second = 0;
  for (const auto& c : first) {
    INFO(c.table);
    CHECK(c.target == c.source);
    copied_first += c.copied;
  }
  for (const auto& c : second) copied_second += c.copied;
  CHECK(copied_first > 0);
  CHECK(copied_second == 0);  // idempotent
  CHECK(progressed.size() == first.size());

  // The bot on PostgreSQL finds the old tickets and numbers the next one after them.
  test_bot bot("", url);
  bot.as("王阿姨").in_group("3栋业主群").say("工单 1").should_reply_containing("厨房水管漏水");
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 卫生间也漏了").should_reply_containing("#3");
  // The suggestion still waits, sealed, for its batch.
  CHECK(bot.db().suggestions.inbox().size() == 1);
}

}  // namespace copy_db_test
