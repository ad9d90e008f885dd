// Other processes may use the database while estatebot runs: between events the bot holds no read
// snapshot, so a roster import, a backup or a checkpoint from outside gets through, and the bot's
// next write starts from what they wrote (issue 10, item 4).
#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "storage/database.hpp"
#include "storage/stores.hpp"
#include "support/process.hpp"
#include "support/running_bot.hpp"
#include "support/temp_dir.hpp"
#include "support/webhook_peer.hpp"

namespace {

constexpr const char* live_secret = "live-db-secret";

// PRAGMA wal_checkpoint(TRUNCATE) from another connection, which waits up to 5 s for writers and
// readers: 0 when it could copy every page back and truncate the log. The bot's own background
// checkpoint (storage/checkpointer) holds SQLite's checkpoint lock for a moment each second, and a
// second checkpointer is refused at once rather than made to wait: a few tries get past it.
int checkpoint_busy(const std::string& path) {
  SQLite::Database other(path, SQLite::OPEN_READWRITE, 5000);
  int busy = 1;
  for (int attempt = 0; attempt < 20 && busy != 0; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    SQLite::Statement q(other, "PRAGMA wal_checkpoint(TRUNCATE)");
    REQUIRE(q.executeStep());
    busy = q.getColumn(0).getInt();
  }
  return busy;
}

}  // namespace

TEST_CASE("between calls a store holds no snapshot: another writer and a checkpoint get through",
          "[storage][live]") {
  testing::temp_dir dir;
  const auto path = dir.file("bot.sqlite3");
  storage::database database(path);
  storage::stores stores(database);
  stores.communities.ensure("阳光花园", 1);  // its lookup reads one row and stops there

  {
    SQLite::Database other(path, SQLite::OPEN_READWRITE);
    other.exec("INSERT INTO communities (name, created_at) VALUES ('另一个小区', 2)");
  }
  CHECK(checkpoint_busy(path) == 0);
  CHECK(std::filesystem::file_size(path + "-wal") == 0);

  // The bot's next writes see the other process's row and are not refused.
  CHECK_NOTHROW(stores.communities.ensure("第三个小区", 3));
  storage::transaction txn(database);
  CHECK(stores.communities.find("另一个小区").has_value());
  txn.commit();
}

TEST_CASE("import-roster, backup and a checkpoint work while the bot runs, and it keeps answering",
          "[process][live]") {
  testing::temp_dir dir;
  boost::asio::io_context io;
  bot::http_client client(io);
  testing::answering_bridge bridge(io);
  const auto db_path = dir.file("bot.sqlite3");
  testing::write_file(dir.file("config.toml"), fmt::format(R"(
[server]
port = 0
[storage]
path = "{}"
busy_timeout_ms = 10000
[adapters.console]
enabled = false
[adapters.webhook]
enabled = true
secret = "{}"
outbound_url = "http://127.0.0.1:{}/bridge"
)",
                                                           db_path, live_secret, bridge.port));
  testing::running_bot bot(io, dir, "bot");
  auto say = [&](const std::string& id, const std::string& text) {
    return testing::signed_call(io, client, bot.port, live_secret, "POST", "/webhook/generic",
                                testing::webhook_message(id, "direct", "wxid_owner", "wxid_owner", text));
  };
  REQUIRE(say("m1", "报修 3-2-1201 厨房水管漏水").status == 200);
  REQUIRE(testing::run_until(io, [&] { return bridge.bodies.size() == 1; }));

  // A manager imports the roster as README says, with the bot running.
  testing::write_file(dir.file("roster.csv"),
                      "3,2,1201,89.5,王芳,13800001234\n3,2,1202,76,李强,13900005678\n");
  auto imported = testing::run_command(std::string(ESTATEBOT_BINARY) + " import-roster " +
                                       dir.file("roster.csv") + " --config " + dir.file("config.toml"));
  INFO(imported.output);
  CHECK(imported.exit_code == 0);
  CHECK(imported.output.find("imported 2 units") != std::string::npos);

  // The bot's next write comes after the import's: it is stored and answered, not "database is locked".
  auto next = say("m2", "报修 3-2-1202 楼道灯不亮");
  CHECK(next.status == 200);
  REQUIRE(testing::run_until(io, [&] { return bridge.bodies.size() == 2; }));
  CHECK(bridge.bodies.back().find("#2") != std::string::npos);

  // The log can be checkpointed and truncated from outside while the bot runs.
  CHECK(checkpoint_busy(db_path) == 0);

  // An online backup holds both tickets and the roster.
  auto backup = testing::run_command(std::string(ESTATEBOT_BINARY) + " backup " + dir.file("copy.sqlite3") +
                                     " --config " + dir.file("config.toml"));
  INFO(backup.output);
  CHECK(backup.exit_code == 0);
  SQLite::Database copy(dir.file("copy.sqlite3"), SQLite::OPEN_READONLY);
  CHECK(copy.execAndGet("SELECT count(*) FROM tickets").getInt() == 2);
  CHECK(copy.execAndGet("SELECT count(*) FROM units").getInt() == 2);
  // A second backup to the same file is refused rather than overwriting it.
  CHECK(testing::run_command(std::string(ESTATEBOT_BINARY) + " backup " + dir.file("copy.sqlite3") +
                             " --config " + dir.file("config.toml"))
            .exit_code == 2);
}
