// Broadcasts and staff traffic go only to groups an admin registered (绑定小区): the bot account
// sits in many groups nobody registered (a fishing club, a staff group used before registration),
// and none of them may receive 停水 notices, emergency @all messages or ticket traffic.
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

TEST_CASE("a group the bot merely heard gets no notice and no emergency", "[notice][emergency][groups]") {
  test_bot bot;
  bot.as("管理员").in_group("3栋业主群").say("绑定小区 阳光花园 3栋");
  bot.as("钓友").in_group("钓鱼爱好者群").say("今天收获不错");
  bot.as("王师傅").in_group("物业群").say("大家早");  // a staff group nobody registered yet

  auto notice = bot.as("王师傅").in_private().say("公告 测试 | 明天停水");
  notice.should_reply_containing("正在发送到 1 个群");
  CHECK(notice.to(bot.group("3栋业主群")).size() == 1);
  CHECK(notice.to(bot.group("钓鱼爱好者群")).empty());
  CHECK(notice.to(bot.group("物业群")).empty());

  auto building = bot.say("公告 3栋 电梯保养 | 周六上午");  // unregistered groups are not "whole community"
  CHECK(building.to(bot.group("钓鱼爱好者群")).empty());

  auto emergency = bot.say("紧急 停电 预计18:00恢复");
  emergency.should_reply_containing("优先发送到 1 个群");
  CHECK(emergency.to(bot.group("钓鱼爱好者群")).empty());
  CHECK(emergency.to(bot.group("物业群")).empty());
  CHECK(bot.say("进展 1 抢修中").to(bot.group("钓鱼爱好者群")).empty());
  CHECK(bot.db().emergencies.group_ids(1).size() == 1);

  SECTION("once registered, the group is a target") {
    bot.as("管理员").in_group("钓鱼爱好者群").say("绑定小区 阳光花园");
    bot.as("王师傅").in_private().say("公告 再测 | 后天停电").should_reply_containing("正在发送到 2 个群");
  }
}

TEST_CASE("without a registered owners' group staff learn how to register one",
          "[notice][emergency][groups]") {
  test_bot bot;
  bot.as("王阿姨").in_group("3栋业主群").say("大家好");  // heard, not registered
  bot.as("王师傅").in_private();
  bot.say("公告 停水 | 明天")
      .should_reply_containing("还没有登记的业主群")
      .should_reply_containing("绑定小区 名称 [楼栋]");
  bot.say("紧急 停电 3栋").should_reply_containing("还没有登记的业主群").should_reply_containing("绑定小区");
  bot.say("/notice water | tomorrow").should_reply_containing("/group register");
  CHECK(bot.db().outbox.by_ref("notice:1").empty());
  CHECK_FALSE(bot.db().emergencies.get(1));
}

TEST_CASE("ticket notices and escalations reach only registered staff and managers' groups",
          "[tickets][groups]") {
  test_bot bot;
  bot.as("王师傅").in_group("物业群").say("大家早");  // used before anyone registered it
  bot.as("管理员").in_group("维修群").say("绑定小区 阳光花园 员工群");
  auto r = bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 厨房水管漏水");
  CHECK(r.to(bot.group("维修群")).size() == 1);
  CHECK(r.to(bot.group("物业群")).empty());
  bot.clock().advance_minutes(31);
  auto late = bot.run_jobs();
  late.should_reply_containing("【工单逾期 #1】");
  CHECK(late.to(bot.group("物业群")).empty());
  CHECK(late.to(bot.group("3栋业主群")).empty());
}
