// A PostgreSQL server that drops estatebot's connection (a restart, a failover, an idle timeout) costs
// no command: the next transaction opens the connection again and its statements are prepared anew.
// Needs PostgreSQL: run by scripts/test-postgres ("[pg-only]").
#include <catch2/catch.hpp>

#include "support/scratch_db.hpp"
#include "support/test_bot.hpp"

namespace pg_reconnect_test {

TEST_CASE("a dropped PostgreSQL connection is opened again before the next command",
          "[.][pg-only][storage]") {
  REQUIRE(testing::on_postgres());
  const std::string url = testing::scratch_database();
  testing::test_bot bot("", url);
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 厨房水管漏水").should_reply_containing("#1");
  {
    storage::database other(url);
    CHECK(testing::sql_int(other,
                           "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE pid <> "
                           "pg_backend_pid() AND application_name = 'estatebot'") >= 1);
  }
  bot.as("王阿姨").in_group("3栋业主群").say("工单 1").should_reply_containing("厨房水管漏水");
  bot.as("李先生").in_group("3栋业主群").say("报修 3-2-1202 门锁坏了").should_reply_containing("#2");
}

}  // namespace pg_reconnect_test
