// Transcripts of what English and Chinese users read: one way to say how long something took,
// addresses in the reply's language, and refusals that fit the person refused.
#include <catch2/catch.hpp>

#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

void set_up_english_groups(test_bot& bot) {
  bot.register_group("3栋业主群", "3");
  bot.register_group("维修群", "", "staff");
  bot.register_group("经理群", "", "managers");
}

}  // namespace

TEST_CASE("tickets and emergencies say how long to the minute, in one style", "[durations]") {
  test_bot bot;
  set_up_english_groups(bot);
  bot.as("王阿姨")
      .in_group("3栋业主群")
      .say("报修 3-2-1201 厨房水管漏水")
      .should_reply_containing("预计 30 分钟内响应");
  bot.clock().advance_minutes(102);
  bot.as("李师傅").in_group("维修群").say("接单 1").should_reply_containing("#1");
  bot.clock().advance_minutes(48);
  bot.say("完成 1 换了角阀").should_reply_containing("已完成");

  auto stats = bot.as("经理").in_private().say("工单统计 今天");
  stats.should_reply_containing("首次响应：中位 1 小时 42 分 · 90% 在 1 小时 42 分 内");
  stats.should_reply_containing("完成用时：中位 2 小时 30 分");
  stats.should_reply_containing("楼栋：3栋 1");

  bot.as("王师傅").in_group("维修群").say("紧急 停电 3栋 配电箱故障").should_reply_containing("确认发送");
  bot.say("确认发送").should_reply_containing("紧急通知 #1");
  bot.clock().advance_minutes(51 * 60 + 20);
  bot.say("紧急 1").should_reply_containing("进行中 2 天 3 小时");
  bot.say("解除 1 已恢复供电").should_reply_containing("历时 2 天 3 小时");
}

TEST_CASE("an English user reads durations and buildings in English", "[durations][english]") {
  test_bot bot;
  set_up_english_groups(bot);
  bot.as("Tom").in_group("3栋业主群");
  bot.say("/repair 3-2-1201 kitchen pipe leaking")
      .should_reply_containing("Expect a response within 30 min (by")
      .should_not_contain("minutes");
  bot.clock().advance_minutes(102);
  bot.as("李师傅").in_group("维修群").say("/take 1");
  bot.clock().advance_minutes(48);
  bot.say("/done 1 replaced the valve");

  auto stats = bot.as("经理").in_private().say("/ticket stats today");
  stats.should_reply_containing("First response: median 1 h 42 min · 90% within 1 h 42 min");
  stats.should_reply_containing("Time to fix: median 2 h 30 min");
  stats.should_reply_containing("Buildings: bldg 3 (1)");

  bot.as("王师傅").in_group("维修群").say("/emergency power 3栋 back by 18:00");
  bot.clock().advance_minutes(51 * 60);
  auto closed = bot.say("/emergency close 1 power is back");
  closed.should_reply_containing("lasted 2 days 3 h").should_not_contain("51 h");
}

TEST_CASE("staff are never pointed at 报修 during an emergency", "[emergency][staff]") {
  test_bot bot;
  set_up_english_groups(bot);
  bot.as("王阿姨").in_group("3栋业主群").say("大家好");
  bot.as("王师傅").in_group("维修群").say("/紧急 停电 3栋 配电箱故障").should_reply_containing("#1");
  // An owner who asks is pointed at the emergency; a colleague in the same group is not told to report.
  bot.as("王阿姨")
      .in_group("3栋业主群")
      .say("@物业助手 停电了，电梯也坏了")
      .should_reply_containing("紧急通知 #1");
  bot.as("李师傅").say("@物业助手 停电了，电梯也坏了，我去看看").should_be_silent();
  bot.as("李师傅").say("/tickets").should_reply_containing("manager").should_not_contain("/repair");
}

TEST_CASE("English staff name a building as English replies show it", "[english][broadcast]") {
  test_bot bot;
  set_up_english_groups(bot);
  bot.register_group("5栋业主群", "5");
  bot.as("经理").in_group("3栋业主群").say("/group lang en");
  bot.as("Amy").in_group("3栋业主群").say("hello");

  auto sos = bot.as("王师傅").in_group("维修群").say("/emergency power bldg 3 back by 18:00");
  sos.should_reply_containing("building 3").should_reply_containing("1 groups");
  auto alert = sos.to(bot.group("3栋业主群"));
  REQUIRE(alert.size() == 1);
  INFO(alert[0].shown);
  CHECK(alert[0].shown.find("Please reply “received” (or /ack)") != std::string::npos);
  CHECK(alert[0].shown.find("收到") == std::string::npos);
  CHECK(sos.to(bot.group("5栋业主群")).empty());
  bot.as("Amy").in_group("3栋业主群").say("received").should_be_silent();
  bot.as("王师傅").in_group("维修群").say("/emergency 1 acks").should_reply_containing("acknowledged by 1/1");

  auto notice = bot.say("/notice bldg 5 Water off | 9:00-12:00 tomorrow");
  notice.should_reply_containing("building 5");
  CHECK(notice.to(bot.group("5栋业主群")).size() == 1);
  CHECK(notice.to(bot.group("3栋业主群")).empty());
  bot.say("/help emergency").should_reply_containing("/emergency power bldg 3").should_not_contain("栋");
}

TEST_CASE("English lists are separated the English way", "[english]") {
  test_bot bot;
  bot.as("王师傅").in_private().say("/duty on leak lighting").should_reply_containing("leak, lighting");
  bot.say("上班 漏水 照明").should_reply_containing("漏水、照明");
}

TEST_CASE("an English offer says how to accept it in English", "[english][offers]") {
  test_bot bot;
  set_up_english_groups(bot);
  auto offer =
      bot.as("Amy").in_group("3栋业主群").say("@物业助手 the lift is broken again, nobody came to fix it");
  offer.should_reply_containing("Reply “/file it”").should_not_contain("登记");
  bot.say("/file it").should_reply_containing("#1");
}

TEST_CASE("English users write places the way English replies show them", "[english][address]") {
  test_bot bot;
  bot.import_roster("3,1,101,89.50,张伟,13800001234\n");
  bot.as("张先生").say("绑定 3-1-101 1234").should_reply_containing("绑定成功");
  // Bound to building 3, but the lift is in building 5: the typed place wins.
  bot.say("/repair bldg 5 unit 1 lift is stuck").should_reply_containing("#1");
  auto t = bot.db().tickets.get(1);
  REQUIRE(t);
  CHECK(t->location == "5-1");
  CHECK(t->building == "5");
  CHECK(t->description == "lift is stuck");
  bot.say("/repair building 5 unit 1 room 502 door lock broken").should_reply_containing("#2");
  CHECK(bot.db().tickets.get(2)->location == "5-1-502");
  bot.say("/complain the lift in building 5 is noisy").should_reply_containing("#3");
  CHECK(bot.db().tickets.get(3)->building == "5");

  bot.as("管理员")
      .in_group("Block 7 owners")
      .say("/group register 阳光花园 bldg 7")
      .should_reply_containing("7");
  auto chat = bot.db().chats.find(bot.group("Block 7 owners"));
  REQUIRE(chat);
  CHECK(chat->building == "7");
  bot.as("经理")
      .in_private()
      .say("/tickets new bldg 5")
      .should_reply_containing("#1")
      .should_not_contain("do not understand");
}
