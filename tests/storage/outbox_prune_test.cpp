// Settled outbox rows are deleted once older than [storage] keep_sent_days, a batch at a time,
// oldest first; rows still to be sent are never touched, whatever their age; and the scheduled job
// does it by itself.
#include <catch2/catch.hpp>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/core.hpp"
#include "commands/all_commands.hpp"
#include "storage/stores.hpp"
#include "support/scratch_db.hpp"

namespace outbox_prune_test {
namespace {

constexpr std::int64_t day = 86'400'000;

bot::chat_ref prune_chat(int i) {
  return {"console", "", bot::chat_kind::group, "g" + std::to_string(i)};
}

}  // namespace

TEST_CASE("settled outbox rows older than the cut go, oldest first, in batches, and waiting ones stay",
          "[outbox][storage]") {
  storage::database db{testing::scratch_database()};
  storage::stores s{db};
  CHECK(s.outbox.prune_settled(100 * day, 10) == 0);  // an empty outbox
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 10; ++i)
    ids.push_back(s.outbox.enqueue(prune_chat(i), bot::outgoing::plain("通知"), storage::priority::notice, "",
                                   i * day));
  for (int i : {0, 1, 2, 3, 7, 8}) s.outbox.mark_sent(ids[i], 1, "", i * day + 1);
  s.outbox.mark_dead(ids[4], 8, "bot removed from the group");
  s.outbox.cancel(ids[5]);
  // ids[6] and ids[9] are still pending.
  CHECK(s.outbox.prune_settled(7 * day, 3) == 3);  // a batch: the three oldest
  CHECK_FALSE(s.outbox.get(ids[0]));
  CHECK_FALSE(s.outbox.get(ids[2]));
  CHECK(s.outbox.get(ids[3]));
  CHECK(s.outbox.prune_settled(7 * day, 100) == 2);  // sent and cancelled before day 7
  CHECK(s.outbox.get(ids[4]));                       // dead, but managers were not told yet
  s.outbox.mark_alerted(ids[4], 7 * day);
  CHECK(s.outbox.prune_settled(7 * day, 100) == 1);
  CHECK(s.outbox.get(ids[6]));  // pending: kept however old
  CHECK(s.outbox.get(ids[7]));  // written on day 7: not before the cut
  CHECK(s.outbox.prune_settled(7 * day, 100) == 0);
  CHECK(s.outbox.prune_settled(100 * day, 100) == 2);  // 7 and 8; 6 and 9 still wait
  CHECK(s.outbox.get(ids[9]));
  // Ids keep growing over the deleted ones.
  CHECK(s.outbox.enqueue(prune_chat(0), bot::outgoing::plain("x"), storage::priority::reply, "", 101 * day) >
        ids[9]);
}

TEST_CASE("the outbox forgets sent rows after keep_sent_days by itself, and keeps them with 0",
          "[outbox][jobs]") {
  for (const int keep : {30, 0}) {
    auto cfg = bot::config::parse("[storage]\npath = \":memory:\"\nkeep_sent_days = " + std::to_string(keep) +
                                  "\n[adapters.console]\nenabled = false\n");
    bot::manual_clock clock(1'767'225'600'000);
    bot::core core(cfg, clock, commands::install_all);
    const auto id = core.db.outbox.enqueue(prune_chat(1), bot::outgoing::plain("通知"),
                                           storage::priority::notice, "", clock.now_ms());
    core.db.outbox.mark_sent(id, 1, "", clock.now_ms());
    clock.advance_ms(31 * day);
    for (int i = 0; i < 40; ++i) {  // the daily job runs as days pass
      core.jobs.run_due();
      clock.advance_ms(day);
    }
    CHECK(core.db.outbox.get(id).has_value() == (keep == 0));
  }
}

TEST_CASE("a notice older than the kept delivery rows is not recalled into silence", "[outbox][notice]") {
  auto cfg = bot::config::parse(
      "[storage]\npath = \":memory:\"\nkeep_sent_days = 30\n[adapters.console]\nenabled = false\n"
      "[roles]\nadmins = [\"console:管理员\"]\nmanagers = [\"console:经理\"]\n");
  bot::manual_clock clock(1'767'225'600'000);
  bot::core core(cfg, clock, commands::install_all);
  int n = 0;
  auto say = [&](const std::string& who, const std::string& group, const std::string& text) {
    bot::message m;
    m.id = "prune-" + std::to_string(++n);
    m.chat = {"console", "", bot::chat_kind::group, group};
    m.sender = {"console", who, who};
    m.text = text;
    core.dispatch.handle(m);
    // The bot's answer is the newest row of the outbox.
    return testing::sql_text(core.database, "SELECT body FROM outbox ORDER BY id DESC LIMIT 1");
  };
  say("管理员", "3栋业主群", "绑定小区 阳光花园 3栋");
  say("经理", "经理群", "公告 停水通知 | 明天9:00-12:00停水");
  // Delivered (no adapter runs here), then 40 days pass with the daily jobs.
  core.database.exec("UPDATE outbox SET state = 'sent', sent_at = created_at WHERE state = 'pending'");
  for (int day_n = 0; day_n < 40; ++day_n) {
    clock.advance_ms(day);
    core.jobs.run_due();
  }
  CHECK(testing::sql_int(core.database, "SELECT count(*) FROM outbox WHERE ref = 'notice:1'") == 0);
  const std::string answer = say("经理", "经理群", "撤回公告 1");
  CHECK(answer.find("无法撤回") != std::string::npos);
  CHECK(testing::sql_int(core.database, "SELECT recalled_at IS NULL FROM notices WHERE id = 1") == 1);
}

}  // namespace outbox_prune_test
