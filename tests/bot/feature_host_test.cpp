// Features plug into the core through bot::feature_host only: commands, typed job kinds, chat
// hooks and dead-letter listeners. The outbox pump wakes from the commit that queued rows.
#include <catch2/catch.hpp>

#include "bot/clock.hpp"
#include "bot/context.hpp"
#include "bot/core.hpp"
#include "bot/feature_host.hpp"
#include "storage/stores.hpp"

namespace {

bot::config memory_config() {
  return bot::config::parse("[storage]\npath = \":memory:\"\n", "test");
}

bot::message host_group_message(const std::string& id, const std::string& text) {
  bot::message m;
  m.id = id;
  m.chat = {"fake", "", bot::chat_kind::group, "业主群"};
  m.chat_title = "业主群";
  m.sender = {"fake", "u1", "王阿姨"};
  m.text = text;
  return m;
}

const bot::id_job thing_job{"test.thing", "thing:"};
const bot::plain_job chore_job{"test.chore"};

}  // namespace

TEST_CASE("job kinds write and read their refs", "[bot][jobs]") {
  CHECK(thing_job.ref(7) == "thing:7");
  CHECK(thing_job.read("thing:7") == 7);
  CHECK_FALSE(thing_job.read("7"));
  CHECK_FALSE(thing_job.read("thing:"));
  CHECK_FALSE(thing_job.read("thing:7x"));
  CHECK_FALSE(thing_job.read("other:7"));
  const bot::id_job bare{"test.bare"};
  CHECK(bare.read(bare.ref(12345678901)) == 12345678901);
  CHECK(chore_job.ref().empty());
}

TEST_CASE("a second handler for a job kind is refused at start-up", "[bot][features]") {
  bot::manual_clock clk;
  auto twice = [](bot::feature_host& host) {
    host.job(chore_job, [](const bot::job_run<bot::no_subject>&) {});
    host.job(chore_job, [](const bot::job_run<bot::no_subject>&) {});
  };
  CHECK_THROWS_AS(bot::core(memory_config(), clk, twice), std::logic_error);
}

TEST_CASE("a job's typed ref reaches its handler, a ref its kind cannot read is dropped", "[bot][features]") {
  bot::manual_clock clk;
  std::vector<std::int64_t> seen;
  std::vector<std::string> payloads;
  bot::core core(memory_config(), clk, [&](bot::feature_host& host) {
    host.job(thing_job, [&](const bot::job_run<std::int64_t>& job) {
      seen.push_back(job.ref);
      payloads.push_back(job.row.payload);
    });
  });
  core.db.jobs.schedule("test.thing", thing_job.ref(42), clk.now_ms(), R"({"n":1})", clk.now_ms());
  core.db.jobs.schedule("test.thing", "thing:forty-two", clk.now_ms(), "{}", clk.now_ms());
  core.jobs.run_due();
  CHECK(seen == std::vector<std::int64_t>{42});
  CHECK(payloads == std::vector<std::string>{R"({"n":1})"});
  CHECK(core.db.jobs.pending("test.thing", "thing:forty-two").empty());  // not retried forever
}

TEST_CASE("chat hooks registered by features are called, in order, until one answers", "[bot][features]") {
  bot::manual_clock clk;
  std::vector<std::string> calls;
  bot::core core(memory_config(), clk, [&](bot::feature_host& host) {
    host.on_chatter([&](bot::context&, const bot::chatter& c) {
      calls.push_back("first:" + std::string(c.text));
      return c.text == "收到";
    });
    host.on_chatter([&](bot::context&, const bot::chatter& c) {
      calls.push_back("second:" + std::string(c.text));
      return false;
    });
    host.on_member_joined(
        [&](bot::context&, const bot::member_joined& e) { calls.push_back("joined:" + e.user.id); });
  });
  core.dispatch.handle(host_group_message("m1", "收到"));
  core.dispatch.handle(host_group_message("m2", "今天天气不错"));
  core.dispatch.handle(
      bot::member_joined{{"fake", "", bot::chat_kind::group, "业主群"}, {"fake", "u2", "李先生"}});
  CHECK(calls ==
        std::vector<std::string>{"first:收到", "first:今天天气不错", "second:今天天气不错", "joined:u2"});
}

TEST_CASE("dead-letter listeners hear of a row given up, in the transaction that marks it dead",
          "[bot][features]") {
  bot::manual_clock clk;
  std::vector<std::string> dead;
  bot::core core(memory_config(), clk, [&](bot::feature_host& host) {
    host.on_dead_letter([&](bot::services& svc, const storage::outbox_row& row, const std::string& error) {
      dead.push_back(row.body.text + " / " + error);
      svc.db.jobs.schedule("test.alert", "", svc.clk.now_ms(), "{}", svc.clk.now_ms());
    });
  });
  // No channel of platform "fake" is enabled: the row cannot go anywhere.
  core.db.outbox.enqueue({"fake", "", bot::chat_kind::group, "g"}, bot::outgoing::plain("停水通知"),
                         storage::priority::notice, "", clk.now_ms());
  core.outbox.pump();
  REQUIRE(dead.size() == 1);
  CHECK(dead[0].find("停水通知 / no adapter is enabled") == 0);
  CHECK(core.db.jobs.pending("test.alert", "").size() == 1);
}

TEST_CASE("the outbox pump wakes once the transaction that queued rows commits", "[bot][outbox]") {
  bot::manual_clock clk;
  bot::core core(memory_config(), clk, {});
  int wakes = 0;
  core.outbox.wake = [&] { ++wakes; };
  const bot::chat_ref to{"fake", "", bot::chat_kind::group, "g"};
  {
    storage::transaction txn(core.database);
    for (int i = 0; i < 3; ++i)
      core.db.outbox.enqueue(to, bot::outgoing::plain("x"), storage::priority::reply, "", clk.now_ms());
    {
      storage::transaction inner(core.database);
      core.db.outbox.enqueue(to, bot::outgoing::plain("y"), storage::priority::reply, "", clk.now_ms());
      inner.commit();
    }
    CHECK(wakes == 0);  // not before the rows exist for the pump
    txn.commit();
  }
  CHECK(wakes == 1);  // once per transaction, however many rows
  {
    storage::transaction txn(core.database);
    core.db.outbox.enqueue(to, bot::outgoing::plain("z"), storage::priority::reply, "", clk.now_ms());
    txn.rollback();
  }
  CHECK(wakes == 1);  // rolled back: nothing to send
  core.db.outbox.enqueue(to, bot::outgoing::plain("w"), storage::priority::reply, "", clk.now_ms());
  CHECK(wakes == 2);  // outside a transaction the row is committed at once
}

TEST_CASE("a command registered by a feature answers, and its committed reply wakes the pump",
          "[bot][features]") {
  bot::manual_clock clk;
  bot::core core(memory_config(), clk, [](bot::feature_host& host) {
    host.command({.id = "test.ping",
                  .zh = {"测一下"},
                  .en = {"ping"},
                  .topic = "test",
                  .run = [](bot::context& ctx, const bot::args&) -> bot::command_result {
                    ctx.reply("pong");
                    return std::nullopt;
                  }});
    host.on_chatter([](bot::context&, const bot::chatter&) { return true; });  // chat gets no reply
  });
  int wakes = 0;
  core.outbox.wake = [&] { ++wakes; };
  core.dispatch.handle(host_group_message("m1", "今天天气不错"));
  CHECK(wakes == 0);  // nothing was queued
  bot::message m = host_group_message("m2", "ping");
  m.chat = {"fake", "", bot::chat_kind::direct, "u1"};
  core.dispatch.handle(m);
  CHECK(wakes == 1);
  auto rows = core.db.outbox.due_heads(clk.now_ms(), 10);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].body.text == "pong");
  CHECK_THROWS_AS(
      bot::core(memory_config(), clk,
                [](bot::feature_host& host) {
                  host.command({.id = "a", .zh = {"同名"}, .en = {"same"}, .topic = "t", .run = {}});
                  host.command({.id = "b", .zh = {"同名"}, .en = {"other"}, .topic = "t", .run = {}});
                }),
      std::logic_error);
}
