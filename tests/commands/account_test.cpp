// Transcripts: binding a room, identities, group registration and roles.
#include <catch2/catch.hpp>

#include "support/test_bot.hpp"

using testing::test_bot;

namespace {
constexpr const char* account_roster =
    "楼栋,单元,房号,面积,业主,电话\n"
    "3,2,1201,89.50,王芳,138-0000-1234\n"
    "3,2,1202,120,李强,13900005678\n"
    "5,1,301,75.25,\"赵,敏\",13700009999\n";
}

TEST_CASE("the roster imports with exact areas and only phone tails", "[commands][binding]") {
  test_bot bot;
  bot.import_roster(account_roster);
  auto u = bot.db().units.find(bot.core().svc.default_community, "3", "2", "1201");
  REQUIRE(u);
  CHECK(u->area_centi == 8950);
  CHECK(u->phone_tail == "1234");
  auto z = bot.db().units.find(bot.core().svc.default_community, "5", "1", "301");
  REQUIRE(z);
  CHECK(z->owner_name == "赵,敏");
  CHECK(z->area_centi == 7525);
  CHECK(bot.db().units.count(bot.core().svc.default_community) == 3);
}

TEST_CASE("an owner binds a room in private chat with the phone's last four digits", "[commands][binding]") {
  test_bot bot;
  bot.import_roster(account_roster);
  bot.as("王阿姨").say("我是谁").should_reply_containing("住户").should_reply_containing("未绑定");
  bot.say("绑定 3-2-1201 1234").should_reply_containing("绑定成功：3-2-1201");
  bot.say("我是谁").should_reply_containing("业主").should_reply_containing("3-2-1201");
  bot.say("绑定 3栋2单元1201室 1234").should_reply_containing("已经绑定");

  SECTION("in a group the room is masked") {
    bot.in_group("业主群").say("我是谁").should_reply_containing("3栋2单元").should_not_contain("1201");
  }
}

TEST_CASE("binding is refused in groups, with wrong digits, and after too many tries",
          "[commands][binding]") {
  test_bot bot;
  bot.import_roster(account_roster);
  bot.as("张先生").in_group("业主群").say("绑定 3-2-1201 1234").should_reply_containing("私聊");
  CHECK(bot.db().units.units_of(bot.db().members.find("console", "张先生")->id).empty());

  bot.in_private();
  bot.say("绑定 9-9-999 1234").should_reply_containing("名册里没有");
  bot.say("绑定 3-2-1201 0000").should_reply_containing("不匹配");
  bot.say("绑定 3-2-1201 0001");
  bot.say("绑定 3-2-1201 0002");
  bot.say("绑定 3-2-1201 0003").should_reply_containing("还可以再试 0 次");
  bot.say("绑定 3-2-1201 1234").should_reply_containing("次数过多");
  CHECK(bot.db().units.units_of(bot.db().members.find("console", "张先生")->id).empty());
  SECTION("tomorrow it works") {
    bot.clock().advance_minutes(24 * 60 + 1);
    bot.say("绑定 3-2-1201 1234").should_reply_containing("绑定成功");
  }
  SECTION("bad arguments get the usage") {
    bot.say("绑定 3-2-1201").should_reply_containing("用法：绑定");
  }
}

TEST_CASE("only an admin registers a group to a community", "[commands][roles]") {
  test_bot bot;
  // Said bare it is their chat (no refusal); with a prefix they learn why it did not work.
  bot.as("王阿姨").in_group("3栋业主群").say("绑定小区 翠湖苑 3栋").should_be_silent();
  bot.say("/绑定小区 翠湖苑 3栋").should_reply_containing("只有管理员");
  CHECK_FALSE(bot.db().communities.find("翠湖苑"));
  bot.as("王师傅").say("@物业助手 绑定小区 翠湖苑 3栋").should_reply_containing("只有管理员");

  bot.as("管理员").say("绑定小区 翠湖苑 3栋").should_reply_containing("翠湖苑 3栋的业主群");
  auto chat = bot.db().chats.find(bot.group("3栋业主群"));
  REQUIRE(chat);
  CHECK(chat->community_id == *bot.db().communities.find("翠湖苑"));
  CHECK(chat->building == "3");
  CHECK(chat->registered);
  CHECK(bot.db().audit.recent(1).at(0).action == "group.register");

  SECTION("in English") {
    bot.as("管理员")
        .in_group("staff-room")
        .say("/group register Sunshine staff")
        .should_reply_containing("staff group");
  }
  SECTION("in a private chat it says it is for groups") {
    bot.as("管理员").in_private().say("绑定小区 翠湖苑").should_reply_containing("只能在群里");
  }
}

TEST_CASE("an unregistered group belongs to the default community at once", "[commands][community]") {
  test_bot bot;
  bot.as("王阿姨").in_group("新群").say("报修 1-1-101 门禁坏了").should_reply_containing("#1");
  auto chat = bot.db().chats.find(bot.group("新群"));
  REQUIRE(chat);
  CHECK(chat->community_id == bot.core().svc.default_community);
  CHECK_FALSE(chat->registered);
  CHECK(bot.db().communities.name_of(chat->community_id) == "阳光花园");
}

TEST_CASE("a group's language setting overrides the command's language", "[commands][texts]") {
  test_bot bot;
  bot.as("经理").in_group("Expat group").say("群语言 英文").should_reply_containing("reply language is now");
  bot.as("王阿姨").say("报修 3-2-1201 水管漏水").should_reply_containing("Repair ticket #1");
  bot.as("经理").say("/group lang auto");
  bot.as("王阿姨").say("报修 3-2-1201 又漏水了").should_reply_containing("已登记报修工单 #2");
  SECTION("residents may not change it") {
    bot.as("王阿姨").say("群语言 英文").should_be_silent();
    bot.say("/群语言 英文").should_reply_containing("物业经理");
  }
}

TEST_CASE("help lists what the asker may do and shows usage", "[commands][help]") {
  test_bot bot;
  auto r = bot.as("王阿姨").say("帮助");
  r.should_reply_containing("报修").should_reply_containing("我的工单").should_not_contain("绑定小区");
  bot.say("帮助 报修").should_reply_containing("用法：报修").should_reply_containing("/repair");
  bot.say("帮助 报秀").should_reply_containing("报修");
  bot.as("管理员").in_group("g").say("帮助").should_reply_containing("绑定小区");
}

TEST_CASE("@-mentioning the bot by name makes it a command", "[commands][parser]") {
  test_bot bot;
  bot.as("王阿姨").in_group("业主群").say("报修 3-2-1201 漏水");
  bot.say("@物业助手 我的工单").should_reply_containing("#1");
  bot.say("@物业助手，工单1").should_reply_containing("工单 #1");
  bot.say("@物业助手 随便说说").should_reply_containing("帮助");
}
