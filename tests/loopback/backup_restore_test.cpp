// Backups an administrator can trust: `estatebot backup` taken while owners keep reporting repairs
// holds every ticket acknowledged before it began, `estatebot restore` refuses to run under the
// service and puts the backup in place once it is stopped, and `estatebot migrate --backup-to`
// (the package's upgrade step) copies first and refuses a database from a newer estatebot.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <thread>

#include "storage/database.hpp"
#include "support/process.hpp"
#include "support/running_bot.hpp"
#include "support/temp_dir.hpp"
#include "support/webhook_peer.hpp"

namespace {

constexpr const char* restore_secret = "restore-test-secret";

std::string webhook_config(const std::string& db_path, std::uint16_t bridge_port) {
  return fmt::format(R"(
[server]
port = 0
[storage]
path = "{}"
[adapters.console]
enabled = false
[adapters.webhook]
enabled = true
secret = "{}"
outbound_url = "http://127.0.0.1:{}/bridge"
[outbox]
per_chat_per_second = 1000.0
per_chat_burst = 1000
[outbox.platforms.webhook]
per_second = 0
)",
                     db_path, restore_secret, bridge_port);
}

std::string cli(const std::string& args, const testing::temp_dir& dir) {
  return std::string(ESTATEBOT_BINARY) + " " + args + " --config " + dir.file("config.toml");
}

// A database of some size, so that copying it takes many of SQLite's pages: message ids the bot
// remembers against platform retries (kept a week).
void grow(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  SQLite::Transaction txn(db);
  SQLite::Statement insert(db,
                           "INSERT INTO inbound_seen (platform, account, message_key, seen_at) VALUES "
                           "('webhook', 'wechat', ?, strftime('%s','now') * 1000)");
  for (int i = 0; i < 120000; ++i) {
    insert.bind(1, fmt::format("{:064}", i));
    insert.exec();
    insert.reset();
  }
  txn.commit();
}

std::set<std::string> ticket_messages(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT origin_message_id FROM tickets");
  std::set<std::string> ids;
  while (q.executeStep()) ids.insert(q.getColumn(0).getString());
  return ids;
}

}  // namespace

TEST_CASE("a backup taken while owners report repairs restores every acknowledged ticket",
          "[process][backup]") {
  testing::temp_dir dir;
  boost::asio::io_context io;
  bot::http_client client(io);
  testing::answering_bridge bridge(io);
  const auto db_path = dir.file("bot.sqlite3");
  testing::write_file(dir.file("config.toml"), webhook_config(db_path, bridge.port));
  REQUIRE(testing::run_command(cli("migrate", dir)).exit_code == 0);
  grow(db_path);

  std::optional<testing::running_bot> bot;
  bot.emplace(io, dir, "bot");
  int sent = 0;
  auto report = [&] {
    const std::string id = fmt::format("r{}", ++sent);
    auto reply = testing::signed_call(
        io, client, bot->port, restore_secret, "POST", "/webhook/generic",
        testing::webhook_message(id, "group", "wx-group", fmt::format("wxid_{}", sent % 7),
                                 fmt::format("报修 3-2-1201 厨房水管漏水 第{}次", sent)));
    REQUIRE(reply.status == 200);
    return id;
  };
  std::set<std::string> acknowledged;
  for (int i = 0; i < 20; ++i) acknowledged.insert(report());

  // The backup runs in another process while reports keep coming and being acknowledged.
  std::atomic<bool> done{false};
  testing::command_result backup;
  std::thread copier([&] {
    backup = testing::run_command(cli("backup " + dir.file("backup.sqlite3"), dir), 120);
    done = true;
  });
  int during = 0;
  while (!done) {
    report();
    ++during;
  }
  copier.join();
  INFO(backup.output);
  REQUIRE(backup.exit_code == 0);
  for (int i = 0; i < 10; ++i) report();  // after the backup: not in it, and not needed

  const auto in_backup = ticket_messages(dir.file("backup.sqlite3"));
  for (const auto& id : acknowledged) CHECK(in_backup.count(id) == 1);
  CHECK(in_backup.size() <= acknowledged.size() + static_cast<std::size_t>(during));
  {
    SQLite::Database copy(dir.file("backup.sqlite3"), SQLite::OPEN_READONLY);
    CHECK(copy.execAndGet("PRAGMA integrity_check").getString() == "ok");
  }

  // Restoring under the running service is refused, and nothing is touched.
  auto refused = testing::run_command(cli("restore " + dir.file("backup.sqlite3"), dir));
  CHECK(refused.exit_code == 3);
  CHECK(refused.output.find("in use by the estatebot service (pid") != std::string::npos);
  CHECK(refused.output.find("systemctl stop estatebot") != std::string::npos);
  // So is a second service on the same file.
  auto second = testing::run_command(cli("", dir), 10);
  CHECK(second.exit_code != 0);
  CHECK(second.output.find("in use by the estatebot service") != std::string::npos);

  bot->child.signal(SIGTERM);
  REQUIRE(bot->child.wait(std::chrono::seconds(10)) == 0);
  const auto live = ticket_messages(db_path);
  CHECK(live.size() == static_cast<std::size_t>(sent));

  auto restored = testing::run_command(cli("restore " + dir.file("backup.sqlite3"), dir));
  INFO(restored.output);
  REQUIRE(restored.exit_code == 0);
  CHECK(restored.output.find("kept the database it replaced as " + db_path + ".before-restore-") !=
        std::string::npos);
  CHECK(ticket_messages(db_path) == in_backup);
  // What the restore replaced is kept whole beside it.
  int kept_files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("bot.sqlite3.before-restore-", 0) != 0 || name.find("-wal") != std::string::npos ||
        name.find("-shm") != std::string::npos)
      continue;
    ++kept_files;
    CHECK(ticket_messages(entry.path().string()) == live);
  }
  CHECK(kept_files == 1);

  // The service starts on the restored database and numbers the next ticket after the backup's last.
  bot.emplace(io, dir, "bot-after");
  const std::string next = fmt::format("#{}", in_backup.size() + 1);
  report();
  CHECK(testing::run_until(io, [&] {
    return std::any_of(bridge.bodies.begin(), bridge.bodies.end(),
                       [&](const std::string& b) { return b.find(next) != std::string::npos; });
  }));
}

TEST_CASE("restore refuses what is not an estatebot backup and leaves the database alone",
          "[process][backup]") {
  testing::temp_dir dir;
  testing::write_file(dir.file("config.toml"), webhook_config(dir.file("bot.sqlite3"), 9));
  REQUIRE(testing::run_command(cli("migrate", dir)).exit_code == 0);
  testing::write_file(dir.file("notes.txt"), "not a database");
  auto r = testing::run_command(cli("restore " + dir.file("notes.txt"), dir));
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("notes.txt") != std::string::npos);
  {
    SQLite::Database other(dir.file("other.sqlite3"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE t (x)");
  }
  auto foreign = testing::run_command(cli("restore " + dir.file("other.sqlite3"), dir));
  CHECK(foreign.exit_code == 1);
  CHECK(foreign.output.find("is not an estatebot database") != std::string::npos);
  CHECK(storage::database(dir.file("bot.sqlite3")).schema_version() == storage::database::latest_version());
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    CHECK(e.path().filename().string().find("before-restore") == std::string::npos);

  // A damaged database, the usual reason to restore, is replaced and kept as it was.
  REQUIRE(testing::run_command(cli("backup " + dir.file("good.sqlite3"), dir)).exit_code == 0);
  testing::write_file(dir.file("bot.sqlite3"), "SQLite format 3" + std::string(5000, '\x7f'));
  CHECK(testing::run_command(cli("migrate", dir)).exit_code != 0);
  auto rescued = testing::run_command(cli("restore " + dir.file("good.sqlite3"), dir));
  INFO(rescued.output);
  CHECK(rescued.exit_code == 0);
  CHECK(testing::run_command(cli("migrate", dir)).exit_code == 0);
  int kept = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    const std::string name = e.path().filename().string();
    if (name.find("before-restore") == std::string::npos || name.find("-wal") != std::string::npos) continue;
    ++kept;
    CHECK(testing::read_file(e.path().string()) == "SQLite format 3" + std::string(5000, '\x7f'));
  }
  CHECK(kept == 1);
}

TEST_CASE("migrate --backup-to copies first, and refuses a database from a newer estatebot",
          "[process][backup]") {
  testing::temp_dir dir;
  const auto db_path = dir.file("bot.sqlite3");
  testing::write_file(dir.file("config.toml"), webhook_config(db_path, 9));

  // A first install: nothing to copy yet.
  auto fresh = testing::run_command(cli("migrate --backup-to " + dir.file("b0.sqlite3"), dir));
  CHECK(fresh.exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(dir.file("b0.sqlite3")));

  auto upgrade = testing::run_command(cli("migrate --backup-to " + dir.file("b1.sqlite3"), dir));
  INFO(upgrade.output);
  CHECK(upgrade.exit_code == 0);
  CHECK(upgrade.output.find("backed up") != std::string::npos);
  CHECK(std::filesystem::exists(dir.file("b1.sqlite3")));

  // The database as a newer estatebot would leave it: refused with what to do, nothing copied.
  {
    SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
    db.exec(fmt::format("PRAGMA user_version = {}", storage::database::latest_version() + 1));
  }
  auto downgrade = testing::run_command(cli("migrate --backup-to " + dir.file("b2.sqlite3"), dir));
  CHECK(downgrade.exit_code == 1);
  CHECK(downgrade.output.find("newer than this estatebot understands") != std::string::npos);
  CHECK(downgrade.output.find("estatebot restore") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.file("b2.sqlite3")));
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == storage::database::latest_version() + 1);
}
