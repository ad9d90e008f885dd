// Group commit (bot/group_commit): events of one turn of the loop share a commit, nobody hears of
// an event before it is committed (another process sees it), a failed commit keeps none of the
// batch and says so to every waiter, and the outbox pump never sends a row that could roll back.
#include <SQLiteCpp/Database.h>

#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>

#include "bot/group_commit.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "storage/stores.hpp"
#include "support/loop.hpp"
#include "support/pump_fixture.hpp"
#include "support/temp_dir.hpp"

namespace group_commit_test {

// What another process (a backup, the sqlite3 shell, a second estatebot) sees.
std::int64_t seen_elsewhere(const std::string& path) {
  SQLite::Database other(path, SQLite::OPEN_READONLY);
  return other.execAndGet("SELECT count(*) FROM inbound_seen").getInt64();
}

struct batch_fixture {
  testing::temp_dir dir;
  std::string path = dir.file("bot.sqlite3");
  storage::database db{path};
  storage::stores stores{db};
  boost::asio::io_context io;
  bot::group_commit commits{io, db, 64};

  void event(const std::string& key) {
    commits.run([&] {
      storage::transaction t(db);  // as the dispatcher's own
      stores.inbound.remember("onebot", "10001", key, 1);
      t.commit();
    });
  }
};

TEST_CASE("events of one turn commit together, and each waiter hears only once it is committed",
          "[group_commit]") {
  batch_fixture f;
  std::vector<bool> told;
  auto first = f.commits.watch();
  f.event("m1");
  first([&](bool ok) { told.push_back(ok); });
  auto second = f.commits.watch();
  f.event("m2");
  second([&](bool ok) { told.push_back(ok); });
  CHECK(told.empty());
  CHECK(seen_elsewhere(f.path) == 0);  // nothing is promised before the commit
  f.io.run();
  CHECK(told == std::vector<bool>{true, true});
  CHECK(seen_elsewhere(f.path) == 2);
  bool at_once = false;
  f.commits.watch()([&](bool ok) { at_once = ok; });  // nothing open: at once
  CHECK(at_once);
}

TEST_CASE("a write outside any event commits the open batch first", "[group_commit]") {
  batch_fixture f;
  f.event("m1");
  {
    storage::transaction outside(f.db);  // a scheduled job, the dashboard
    CHECK(seen_elsewhere(f.path) == 1);
    outside.commit();
  }
}

TEST_CASE("a full batch commits without waiting for the turn to end", "[group_commit]") {
  batch_fixture f;
  bot::group_commit small(f.io, f.db, 2);
  for (const char* key : {"a", "b"}) small.run([&] { f.stores.inbound.remember("onebot", "10001", key, 1); });
  CHECK(seen_elsewhere(f.path) == 2);
}

TEST_CASE("a batch whose commit fails keeps none of its events and tells every waiter", "[group_commit]") {
  batch_fixture f;
  // A check SQLite makes only at COMMIT: a deferred foreign key left dangling by the second event.
  f.db.raw().exec(
      "CREATE TABLE parents (id INTEGER PRIMARY KEY);"
      "CREATE TABLE children (parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)");
  std::vector<bool> told;
  auto first = f.commits.watch();
  f.event("m1");
  first([&](bool ok) { told.push_back(ok); });
  auto second = f.commits.watch();
  f.commits.run([&] { f.db.raw().exec("INSERT INTO children VALUES (42)"); });
  second([&](bool ok) { told.push_back(ok); });
  f.io.run();
  CHECK(told == std::vector<bool>{false, false});
  // An event whose batch failed before its answer was held (a full batch, a passive reply's flush)
  // still hears of the failure.
  auto late = f.commits.watch();
  f.commits.run([&] { f.db.raw().exec("INSERT INTO children VALUES (43)"); });
  f.commits.commit();
  bool late_ok = true;
  late([&](bool ok) { late_ok = ok; });
  CHECK_FALSE(late_ok);
  CHECK(seen_elsewhere(f.path) == 0);
  f.event("m1");  // the platform sends it again: now it is new, and kept
  f.io.restart();
  f.io.run();
  CHECK(seen_elsewhere(f.path) == 1);
}

TEST_CASE("the outbox pump sends nothing of an open batch, and is woken by its commit",
          "[group_commit][outbox]") {
  testing::temp_dir dir;
  testing::pump::fixture f(bot::outbox_config{}, dir.file("bot.sqlite3"));
  boost::asio::io_context io;
  bot::group_commit commits(io, f.db, 64);
  int woken = 0;
  f.pump.wake = [&] { ++woken; };
  commits.run([&] { f.put("owners"); });
  f.pump.pump();
  CHECK(f.channel.sent.empty());
  io.run();
  CHECK(woken >= 1);
  f.pump.pump();
  CHECK(f.channel.sent == std::vector<std::string>{"owners"});
}

TEST_CASE("an HTTP answer waits for the commit of its writes, and a failed one is a 500",
          "[group_commit][loopback]") {
  boost::asio::io_context io;
  bot::server_config cfg;
  cfg.port = 0;
  bot::http_server server(io, cfg);
  std::vector<std::function<void(bool)>> gates;
  server.hold_answers_until([&]() -> bot::http_server::commit_waiter {
    return [&](std::function<void(bool)> done) { gates.push_back(std::move(done)); };
  });
  server.route("POST", "/event", [](const bot::http_request&) {
    return bot::http_response{204, "", "", {}};
  });
  const auto port = server.start();
  bot::http_client client(io);
  auto post = [&](std::optional<bot::http_reply>& out) {
    bot::http_call c;
    c.url = "http://127.0.0.1:" + std::to_string(port) + "/event";
    c.body = "{}";
    client.request(c, [&out](bot::http_reply r) { out = std::move(r); });
  };
  std::optional<bot::http_reply> stored, lost;
  post(stored);
  REQUIRE(testing::run_until(io, [&] { return gates.size() == 1; }));
  CHECK_FALSE(stored);  // handled, not yet committed: no answer
  gates[0](true);
  REQUIRE(testing::run_until(io, [&] { return stored.has_value(); }));
  CHECK(stored->status == 204);
  post(lost);
  REQUIRE(testing::run_until(io, [&] { return gates.size() == 2; }));
  gates[1](false);
  REQUIRE(testing::run_until(io, [&] { return lost.has_value(); }));
  CHECK(lost->status == 500);  // the platform sends it again
  server.stop();
}

}  // namespace group_commit_test
