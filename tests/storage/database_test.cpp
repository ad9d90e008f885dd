// Opening, stamping, migrating and refusing databases.
#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>

#include "storage/database.hpp"
#include "storage/stores.hpp"
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
