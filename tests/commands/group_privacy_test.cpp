// Room numbers and phone numbers never reach a group through the bot, and staff views (internal
// notes, everyone's tickets) never show in an owners' group. The masker on its own:
// tests/domain/redact_table_test.
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

TEST_CASE("a staff note with a room and a phone reaches the owners' group masked", "[privacy][tickets]") {
  test_bot bot;
  bot.register_group("维修群", "", "staff");
  bot.as("王阿姨")
      .in_group("3栋业主群")
      .say("报修 3-2-1201 楼上漏水，联系电话 138-1234-5678 或 139 0000 1111");
  bot.as("李师傅").in_group("维修群").say("接单 1");
  auto r = bot.say("完成 1 已联系3栋1201赵女士(13812345678)，关了3号楼2单元1202室的总阀");
  auto owners = r.to(bot.group("3栋业主群"));
  REQUIRE(owners.size() == 1);
  CHECK(owners[0].shown.find("已联系3栋赵女士(***)，关了3栋2单元的总阀") != std::string::npos);
  r.should_not_contain("1201").should_not_contain("1202").should_not_contain("13812345678");

  auto view = bot.as("王阿姨").in_group("3栋业主群").say("工单 1");
  view.should_reply_containing("联系电话 *** 或 ***").should_reply_containing("3栋2单元");
  view.should_not_contain("1234").should_not_contain("0000").should_not_contain("1201");
  bot.as("王阿姨").in_private().say("工单 1").should_reply_containing("138-1234-5678");  // her own, privately
}

TEST_CASE("an anonymous suggestion shows in the staff group without the room it names",
          "[privacy][suggestions]") {
  test_bot bot;
  bot.register_group("客服群", "", "staff");
  bot.as("赵女士")
      .in_private()
      .say("匿名建议 3栋1201门口总有人堆杂物，电话13900001111的那家")
      .should_reply_containing("已收到您的匿名建议");
  bot.clock().advance_minutes(60);
  auto r = bot.run_jobs();
  auto staff = r.to(bot.group("客服群"));
  REQUIRE(staff.size() == 1);
  CHECK(staff[0].shown.find("3栋门口总有人堆杂物") != std::string::npos);
  CHECK(staff[0].shown.find("1201") == std::string::npos);
  CHECK(staff[0].shown.find("13900001111") == std::string::npos);
}

TEST_CASE("an English group reads a masked place in English", "[privacy][english]") {
  test_bot bot;
  bot.register_group("维修群", "", "staff");
  bot.as("经理").in_group("Expat group").say("群语言 英文");
  bot.as("Mr Smith").say("/repair 3-2-1201 kitchen pipe leaking");
  bot.as("李师傅").in_group("维修群").say("接单 1");
  auto r = bot.say("完成 1 replaced the valve at 3-2-1201");
  auto owners = r.to(bot.group("Expat group"));
  REQUIRE(owners.size() == 1);
  CHECK(owners[0].shown.find("replaced the valve at bldg 3 unit 2") != std::string::npos);
  auto view = bot.as("Mr Smith").in_group("Expat group").say("/ticket 1");
  view.should_reply_containing("bldg 3 unit 2").should_not_contain("栋").should_not_contain("单元");
}

TEST_CASE("staff views typed in an owners' group are answered privately", "[privacy][tickets][staff]") {
  test_bot bot;
  bot.register_group("维修群", "", "staff");
  bot.register_group("3栋业主群", "3");
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 马桶堵了");
  bot.as("刘女士").in_group("5栋业主群").say("投诉 5-1-301 楼下邻居装修太吵");
  bot.as("王师傅").in_group("维修群").say("接单 1");
  bot.say("退单 1 这户业主很难缠，不想去");
  const bot::chat_ref owners = bot.group("3栋业主群");
  const auto to_private = [](const std::string& who) {
    return bot::chat_ref{"console", "", bot::chat_kind::direct, who};
  };

  // A ticket with its internal notes.
  auto r = bot.as("王师傅").in_group("3栋业主群").say("工单 1");
  REQUIRE(r.to(owners).size() == 1);
  CHECK(r.to(owners)[0].shown.find("已私信发给您") != std::string::npos);
  CHECK(r.to(owners)[0].shown.find("这户业主很难缠") == std::string::npos);
  auto mine = r.to(to_private("王师傅"));
  REQUIRE(mine.size() == 1);
  CHECK(mine[0].shown.find("这户业主很难缠，不想去") != std::string::npos);
  CHECK(mine[0].shown.find("3-2-1201") != std::string::npos);  // privately staff see the room

  // Everyone's tickets, the pool and statistics.
  for (const char* view : {"工单列表", "逾期工单", "工单统计"}) {
    INFO(view);
    r = bot.as("经理").in_group("3栋业主群").say(std::string("/") + view);
    REQUIRE(r.to(owners).size() == 1);
    CHECK(r.to(owners)[0].shown.find("已私信发给您") != std::string::npos);
    CHECK(r.to(to_private("经理")).size() == 1);
  }
  r = bot.as("经理").in_group("3栋业主群").say("/工单列表");
  CHECK(r.to(to_private("经理"))[0].shown.find("装修太吵") != std::string::npos);
  CHECK(r.to(owners)[0].shown.find("装修太吵") == std::string::npos);
  r = bot.as("王师傅").in_group("3栋业主群").say("待办");
  CHECK(r.to(owners)[0].shown.find("已私信发给您") != std::string::npos);
  CHECK(r.to(to_private("王师傅"))[0].shown.find("#1") != std::string::npos);

  // In the staff group nothing changes, and the owner still sees her ticket in her group.
  bot.as("王师傅").in_group("维修群").say("工单 1").should_reply_containing("这户业主很难缠");
  r = bot.as("王阿姨").in_group("3栋业主群").say("工单 1");
  r.should_reply_containing("工单 #1").should_not_contain("这户业主很难缠").should_not_contain("已私信");
}

TEST_CASE("a notice or an emergency naming a flat reaches owners' groups without the room",
          "[privacy][notice][emergency]") {
  test_bot bot;
  bot.as("管理员").in_group("3栋业主群").say("绑定小区 阳光花园 3栋");
  bot.as("王师傅").in_private();
  auto notice = bot.say("公告 3栋 管道维修 | 3-2-1201 漏水影响楼下，请1101室业主联系 维修电话 400-800-1234");
  auto shown = notice.to(bot.group("3栋业主群")).at(0).shown;
  CHECK(shown.find("3栋2单元 漏水影响楼下") != std::string::npos);
  CHECK(shown.find("请***室业主联系") != std::string::npos);
  CHECK(shown.find("1201") == std::string::npos);
  CHECK(shown.find("400-800-1234") != std::string::npos);  // staff publish service numbers
  bot.say("公告 1").should_reply_containing("3-2-1201");   // staff in private see what they typed
  bot.as("王阿姨")
      .in_group("3栋业主群")
      .say("/公告 1")
      .should_reply_containing("3栋2单元")
      .should_not_contain("1201");

  auto alert = bot.as("王师傅").in_private().say("紧急 停水 3栋 3-2-1201 爆管，正在关阀");
  auto alert_shown = alert.to(bot.group("3栋业主群")).at(0).shown;
  CHECK(alert_shown.find("3栋2单元 爆管") != std::string::npos);
  CHECK(alert_shown.find("1201") == std::string::npos);
  auto update = bot.say("进展 1 3-2-1201 阀门已关").to(bot.group("3栋业主群")).at(0).shown;
  CHECK(update.find("1201") == std::string::npos);
  auto closed = bot.say("解除 1 3-2-1201 已修好").to(bot.group("3栋业主群")).at(0).shown;
  CHECK(closed.find("1201") == std::string::npos);
}
