// Dead letters reach managers: one summary per broadcast after a short wait, never one message per
// failed group, never an alert about an alert.
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

const bot::chat_ref delivery_managers_group{"console", "", bot::chat_kind::group, "经理群"};

bot::send_result fail_broken(const bot::delivery& row) {
  if (row.target.id.find("坏") != std::string::npos)
    return {bot::send_result::status::failed, "", "retcode 1200: bot removed from group", {}};
  return {bot::send_result::status::sent, "qq-" + std::to_string(row.id), {}, {}};
}

void qq_groups(test_bot& bot, int broken, int fine) {
  bot.add_platform("qq");
  for (int i = 0; i < broken; ++i) bot.on("qq").register_group("QQ坏群" + std::to_string(i));
  for (int i = 0; i < fine; ++i) bot.on("qq").register_group("QQ好群" + std::to_string(i));
  bot.on("console");
  bot.answer_with("qq", fail_broken);
}

}  // namespace

TEST_CASE("managers get one summary of a broadcast's failed groups", "[commands][alert][outbox]") {
  test_bot bot;
  bot.as("管理员").in_group("经理群").say("绑定小区 阳光花园 经理群");
  qq_groups(bot, 2, 1);
  auto posted = bot.as("王师傅").in_private().say("公告 停水 | 明天停水");
  CHECK(posted.to(delivery_managers_group).empty());  // managers' groups are not owners' groups
  CHECK(bot.db().outbox.count_in_state("dead") == 2);
  REQUIRE(bot.db().jobs.pending("outbox.dead_alert", "").size() == 1);

  CHECK(bot.run_jobs().to(delivery_managers_group).empty());  // the rest of a failing broadcast may follow
  bot.clock().advance_ms(60'000);
  auto alert = bot.run_jobs();
  auto got = alert.to(delivery_managers_group);
  REQUIRE(got.size() == 1);
  CHECK(alert.size() == 1);
  CHECK(got[0].shown.find("【发送失败提醒】") != std::string::npos);
  CHECK(got[0].shown.find("公告 #1：2 个群（QQ坏群0、QQ坏群1）") != std::string::npos);
  CHECK(got[0].shown.find("retcode 1200: bot removed from group") != std::string::npos);
  CHECK(got[0].shown.find("QQ好群") == std::string::npos);

  bot.clock().advance_ms(60'000);
  CHECK(bot.run_jobs().size() == 0);  // told once
}

TEST_CASE("thirty failed groups are still one alert", "[commands][alert][outbox]") {
  test_bot bot;
  bot.as("管理员").in_group("经理群").say("绑定小区 阳光花园 经理群");
  qq_groups(bot, 30, 0);
  bot.as("王师傅").in_private().say("紧急 停电 预计18:00恢复");
  bot.clock().advance_ms(60'000);
  auto alert = bot.run_jobs();
  REQUIRE(alert.size() == 1);
  CHECK(alert.all[0].shown.find("紧急通知 #1：30 个群（QQ坏群0、QQ坏群1、QQ坏群2 等 30 个）") !=
        std::string::npos);
}

TEST_CASE("an alert that cannot be delivered is not alerted about", "[commands][alert][outbox]") {
  test_bot bot;
  bot.add_platform("mgr");
  bot.on("mgr").as("经理").in_group("经理群").say("大家好");
  auto chat = bot.db().chats.find(bot.group("经理群"));
  REQUIRE(chat);
  bot.db().chats.register_to(chat->id, chat->community_id, std::nullopt, "managers", 1, bot.clock().now_ms());
  bot.on("console");
  bot.answer_with("mgr", [](const bot::delivery&) {
    return bot::send_result{bot::send_result::status::failed, "", "HTTP 403", {}};
  });
  qq_groups(bot, 1, 0);
  bot.as("王师傅").in_private().say("公告 停水 | 明天停水");
  bot.clock().advance_ms(60'000);
  bot.run_jobs();  // the alert goes to the managers' group, and dies there
  auto alerts = bot.db().outbox.by_ref("alert:dead");
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0].state == "dead");
  CHECK(bot.db().jobs.pending("outbox.dead_alert", "").empty());
  bot.clock().advance_ms(10 * 60'000);
  bot.run_jobs();
  CHECK(bot.db().outbox.by_ref("alert:dead").size() == 1);
  CHECK(bot.db().outbox.unalerted_dead(10).empty());
}

TEST_CASE("without a managers' group, managers hear it privately, else the staff groups",
          "[commands][alert][outbox]") {
  SECTION("a manager who has talked to the bot privately") {
    test_bot bot;
    bot.as("经理").in_private().say("帮助");
    bot.as("管理员").in_group("维修群").say("绑定小区 阳光花园 员工群");
    qq_groups(bot, 1, 0);
    bot.as("王师傅").in_private().say("公告 停水 | 明天停水");
    bot.clock().advance_ms(60'000);
    auto alert = bot.run_jobs();
    REQUIRE(alert.size() == 1);
    CHECK(alert.all[0].target == bot::chat_ref{"console", "", bot::chat_kind::direct, "经理"});
  }
  SECTION("through the bot account that heard the manager last") {
    test_bot bot;
    bot::message m;
    m.chat = {"console", "acct-1", bot::chat_kind::direct, "经理"};
    m.sender = {"console", "经理", "经理"};
    m.id = "d-1";
    m.text = "帮助";
    bot.deliver(m);
    bot.clock().advance_ms(1000);
    m.chat = {"console", "acct-2", bot::chat_kind::group, "经理闲聊群"};
    m.id = "g-1";
    m.text = "大家好";
    bot.deliver(m);
    qq_groups(bot, 1, 0);
    bot.as("王师傅").in_private().say("公告 停水 | 明天停水");
    bot.clock().advance_ms(60'000);
    auto alert = bot.run_jobs();
    REQUIRE(alert.size() == 1);
    CHECK(alert.all[0].target == bot::chat_ref{"console", "acct-2", bot::chat_kind::direct, "经理"});
  }
  SECTION("nobody but staff") {
    test_bot bot;
    bot.as("管理员").in_group("维修群").say("绑定小区 阳光花园 员工群");
    qq_groups(bot, 1, 0);
    bot.as("王师傅").in_private().say("公告 停水 | 明天停水");
    bot.clock().advance_ms(60'000);
    auto alert = bot.run_jobs();
    REQUIRE(alert.size() == 1);
    CHECK(alert.all[0].target == bot::chat_ref{"console", "", bot::chat_kind::group, "维修群"});
  }
}

TEST_CASE("a recall that fails is reported as the recall, not as the notice failing",
          "[commands][alert][recall]") {
  test_bot bot;
  bot.as("管理员").in_group("经理群").say("绑定小区 阳光花园 经理群");
  bot.add_platform("qq", true);
  bot.on("qq").register_group("QQ业主群");
  bot.on("console");
  bot.answer_with("qq", [](const bot::delivery& row) {
    if (!row.body.recall_id.empty())  // past QQ's two minutes
      return bot::send_result{bot::send_result::status::failed, "", "retcode 200: recall expired", {}};
    return bot::send_result{bot::send_result::status::sent, "qq-" + std::to_string(row.id), {}, {}};
  });
  bot.as("王师傅").in_private().say("公告 停水 | 明天停水");
  auto recall = bot.say("撤回公告 1");
  // The correction replaced what could not be recalled.
  CHECK(recall.to({"qq", "", bot::chat_kind::group, "QQ业主群"}).at(0).shown.find("【更正】") !=
        std::string::npos);
  bot.clock().advance_ms(60'000);
  auto alert = bot.run_jobs().to(delivery_managers_group);
  REQUIRE(alert.size() == 1);
  CHECK(alert[0].shown.find("撤回公告 #1 失败（已改发更正）：1 个群（QQ业主群）") != std::string::npos);
  CHECK(alert[0].shown.find("公告 #1：") == std::string::npos);  // the notice itself was delivered
}

TEST_CASE("alerts name private chats by the person, and ticket messages by their ticket",
          "[commands][alert]") {
  test_bot bot;
  bot.as("管理员").in_group("经理群").say("绑定小区 阳光花园 经理群");
  bot.add_platform("qq");
  bot.answer_with("qq", [answered = 0](const bot::delivery& row) mutable {
    if (++answered > 1)  // the owner blocked the bot after the reply to their report
      return bot::send_result{bot::send_result::status::failed, "", "retcode 100: not a friend", {}};
    return bot::send_result{bot::send_result::status::sent, "qq-" + std::to_string(row.id), {}, {}};
  });
  bot.on("qq").as("王阿姨").in_private().say("报修 3-2-1201 厨房水管漏水").should_reply_containing("#1");
  bot.on("console").as("王师傅").in_private().say("接单 1").should_reply_containing("#1");
  bot.clock().advance_ms(60'000);
  auto alert = bot.run_jobs().to(delivery_managers_group);
  REQUIRE(alert.size() == 1);
  CHECK(alert[0].shown.find("工单 #1 的通知：1 个私聊（私聊 王阿姨）") != std::string::npos);
  CHECK(alert[0].shown.find("其他消息") == std::string::npos);
}
