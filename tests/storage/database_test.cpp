// Opening, stamping, migrating and refusing databases.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <catch2/catch.hpp>

#include "bot/config.hpp"
#include "storage/checkpointer.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/stores.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

TEST_CASE("a new database is migrated to the latest version and stamped", "[storage]") {
  testing::temp_dir dir;
  const auto path = dir.file("data/bot.sqlite3");  // the folder is created too
  {
    storage::database db(path);
    CHECK(db.schema_version() == storage::database::latest_version());
    CHECK(db.raw().execAndGet("PRAGMA application_id").getInt() == storage::database::application_id);
    CHECK(db.journal_mode() == "wal");
    CHECK(db.raw().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(db.raw().tableExists("outbox"));
    db.raw().exec("INSERT INTO communities (name, created_at) VALUES ('x', 1)");
  }
  SECTION("re-opening is a no-op that keeps the data") {
    storage::database again(path);
    CHECK(again.schema_version() == storage::database::latest_version());
    CHECK(again.raw().execAndGet("SELECT count(*) FROM communities").getInt() == 1);
  }
  SECTION("a database from a newer estatebot is refused") {
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec("PRAGMA user_version = " + std::to_string(storage::database::latest_version() + 1));
    }
    CHECK_THROWS_WITH(storage::database(path), Catch::Contains("newer than this estatebot"));
  }
}

TEST_CASE("a database of another application is refused", "[storage]") {
  testing::temp_dir dir;
  const auto path = dir.file("other.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE t (x)");
  }
  CHECK_THROWS_WITH(storage::database(path), Catch::Contains("not an estatebot database"));
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA application_id = 1234");
  }
  CHECK_THROWS_WITH(storage::database(path), Catch::Contains("another application"));
}

TEST_CASE("nested transactions roll back only their own writes", "[storage]") {
  storage::database db(":memory:");
  storage::stores s(db);
  {
    storage::transaction outer(db);
    s.communities.ensure("kept", 1);
    {
      storage::transaction inner(db);
      s.communities.ensure("dropped", 1);
    }  // not committed
    outer.commit();
  }
  CHECK(s.communities.find("kept"));
  CHECK_FALSE(s.communities.find("dropped"));
  {
    storage::transaction outer(db);
    s.communities.ensure("gone", 1);
  }
  CHECK_FALSE(s.communities.find("gone"));
}

TEST_CASE("inbound ids are remembered once and forgotten when old", "[storage][idempotency]") {
  storage::database db(":memory:");
  storage::stores s(db);
  CHECK(s.inbound.remember("onebot", "10001", "42", 1000));
  CHECK_FALSE(s.inbound.remember("onebot", "10001", "42", 2000));
  CHECK(s.inbound.remember("onebot", "10002", "42", 2000));  // another account's id space
  CHECK(s.inbound.prune(1500) == 1);
  CHECK(s.inbound.remember("onebot", "10001", "42", 3000));
}

TEST_CASE("an outbox of the previous schema keeps its rows, and ids go on from the highest",
          "[storage][outbox]") {
  testing::temp_dir dir;
  const auto path = dir.file("v3.sqlite3");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA application_id = " + std::to_string(storage::database::application_id));
    for (int v = 0; v < 3; ++v) raw.exec(storage::migrations()[v].sql);
    raw.exec("PRAGMA user_version = 3");
    raw.exec(
        "INSERT INTO outbox (id, created_at, priority, platform, account, kind, chat_id, body, ref, state, "
        "next_attempt_at, platform_message_id) VALUES (7, 1, 2, 'webhook', 'wechat', 'group', 'g1', "
        "'{\"text\":\"停水通知\"}', 'notice:1', 'sent', 1, 'bridge-7')");
  }
  storage::database db(path);
  storage::stores s(db);
  auto row = s.outbox.get(7);
  REQUIRE(row);
  CHECK(row->state == "sent");
  CHECK(row->body.text == "停水通知");
  CHECK(row->platform_message_id == "bridge-7");
  CHECK(row->target == bot::chat_ref{"webhook", "wechat", bot::chat_kind::group, "g1"});
  s.outbox.forget(7);
  CHECK(s.outbox.enqueue({"webhook", "wechat", bot::chat_kind::group, "g1"}, bot::outgoing::plain("x"),
                         storage::priority::reply, "", 2) == 8);
}

TEST_CASE("a scrub empties the write-ahead log, after the outermost transaction", "[storage][privacy]") {
  testing::temp_dir dir;
  const auto path = dir.file("scrub.sqlite3");
  storage::database db(path);
  storage::stores s(db);
  s.communities.ensure("秘密花园", 1);
  db.raw().exec("DELETE FROM communities WHERE name = '秘密花园'");
  auto on_disk = [&] { return testing::read_file(path) + testing::read_file(path + "-wal"); };
  REQUIRE(on_disk().find("秘密花园") != std::string::npos);  // old frames of the page
  {
    storage::transaction outer(db);
    s.communities.ensure("别的小区", 2);
    db.scrub_wal();
    CHECK(on_disk().find("秘密花园") != std::string::npos);  // not inside a transaction
    outer.commit();
  }
  CHECK(on_disk().find("秘密花园") == std::string::npos);
  CHECK(testing::read_file(path + "-wal").empty());
  CHECK(s.communities.find("别的小区"));
}

TEST_CASE("after a burst the write-ahead log is cut back by the checkpointer, not left at its longest",
          "[storage]") {
  testing::temp_dir dir;
  const auto path = dir.file("burst.sqlite3");
  storage::database db(path);
  db.raw().exec("CREATE TABLE burst (b BLOB)");
  {
    storage::transaction tx(db);
    SQLite::Statement q(db.raw(), "INSERT INTO burst (b) VALUES (zeroblob(1048576))");
    for (int i = 0; i < 24; ++i) {
      q.exec();
      q.reset();
    }
    tx.commit();
  }
  const auto wal = [&] { return std::filesystem::file_size(path + "-wal"); };
  REQUIRE(wal() > storage::checkpointer::truncate_above);
  // The checkpointer runs once a second; a commit leaves the log as long as it made it.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (wal() > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(wal() == 0);
  CHECK(db.raw().execAndGet("SELECT count(*) FROM burst").getInt() == 24);
}

TEST_CASE("durability power syncs every commit, process only at checkpoints", "[storage]") {
  testing::temp_dir dir;
  storage::database power(dir.file("power.sqlite3"));                 // the default
  CHECK(power.raw().execAndGet("PRAGMA synchronous").getInt() == 2);  // FULL
  storage::database process(dir.file("process.sqlite3"), 5000, storage::durability::process);
  CHECK(process.raw().execAndGet("PRAGMA synchronous").getInt() == 1);  // NORMAL
  auto c = bot::config::parse("[storage]\ndurability = \"process\"\n");
  CHECK(c.storage.durability == storage::durability::process);
}

TEST_CASE("a database that cannot be opened is named with the reason", "[storage]") {
  testing::temp_dir dir;
  testing::write_file(dir.file("blocker"), "a file where a folder should be");
  CHECK_THROWS_WITH(storage::database(dir.file("blocker/bot.sqlite3")),
                    Catch::Contains("cannot open the database") && Catch::Contains("blocker/bot.sqlite3"));
}

TEST_CASE("webhook people and chats of schema 5 get their network, so nobody loses a flat or a group",
          "[storage][webhook]") {
  testing::temp_dir dir;
  const auto path = dir.file("v5.sqlite3");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA application_id = " + std::to_string(storage::database::application_id));
    for (int v = 0; v < 5; ++v) raw.exec(storage::migrations()[v].sql);
    raw.exec("PRAGMA user_version = 5");
    raw.exec(R"(
INSERT INTO communities (id, name, created_at) VALUES (1, '阳光花园', 1);
INSERT INTO chats (id, platform, account, kind, chat_id, community_id, first_seen_at, last_seen_at) VALUES
  (1, 'webhook', 'wechat', 'group', 'g1', 1, 1, 5),
  (2, 'webhook', 'wechat', 'direct', 'wxid_zhang', 1, 1, 9),
  (3, 'onebot', '10001', 'group', '880001', 1, 1, 5);
INSERT INTO members (id, platform, user_id, first_seen_at, last_seen_at) VALUES
  (1, 'webhook', 'wxid_wang', 1, 5), (2, 'webhook', 'wxid_zhang', 1, 9), (3, 'webhook', 'never_heard', 1, 1),
  (4, 'onebot', '20002', 1, 5);
INSERT INTO chat_members (chat_id, member_id, first_seen_at, last_seen_at) VALUES (1, 1, 1, 5), (3, 4, 1, 5);
)");
  }
  storage::database db(path);
  auto text = [&](const std::string& sql) { return db.raw().execAndGet(sql).getString(); };
  CHECK(text("SELECT user_id FROM members WHERE id = 1") == "wechat:wxid_wang");
  CHECK(text("SELECT user_id FROM members WHERE id = 2") == "wechat:wxid_zhang");
  CHECK(text("SELECT user_id FROM members WHERE id = 3") == "never_heard");
  CHECK(text("SELECT user_id FROM members WHERE id = 4") == "20002");
  CHECK(text("SELECT chat_id FROM chats WHERE id = 1") == "wechat:g1");
  CHECK(text("SELECT chat_id FROM chats WHERE id = 2") == "wechat:wxid_zhang");
  CHECK(text("SELECT chat_id FROM chats WHERE id = 3") == "880001");
}
