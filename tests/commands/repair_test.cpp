// Transcripts: an owner reports a repair and follows it; privacy of room numbers in groups.
#include <catch2/catch.hpp>

#include "support/test_bot.hpp"
#include "support/vocabulary_strings.hpp"

using testing::test_bot;

TEST_CASE("an owner reports a leak and gets a ticket number", "[commands][repair]") {
  test_bot bot;
  auto r = bot.as("王阿姨").say("报修 3-2-1201 厨房水管漏水");
  r.should_reply_containing("已登记报修工单 #1")
      .should_reply_containing("漏水")
      .should_reply_containing("紧急");
  r.should_reply_containing("30 分钟");

  auto t = bot.db().tickets.get(1);
  REQUIRE(t);
  CHECK(t->location == "3-2-1201");
  CHECK(t->description == "厨房水管漏水");
  CHECK(t->category == domain::ticket_category::leak);
  CHECK(t->priority == domain::ticket_priority::urgent);
  CHECK(t->state == domain::ticket_state::new_);
  CHECK(t->due_at == t->created_at + 30 * 60'000);

  SECTION("我的工单 lists it") {
    bot.say("我的工单").should_reply_containing("#1").should_reply_containing("待受理");
  }
  SECTION("工单 1 shows state and history") {
    auto d = bot.say("工单 1");
    d.should_reply_containing("状态：待受理")
        .should_reply_containing("登记")
        .should_reply_containing("3-2-1201");
  }
  SECTION("a second report gets the next number") {
    bot.say("报修 5栋电梯异响").should_reply_containing("#2").should_reply_containing("电梯");
  }
}

TEST_CASE("English commands work the same and answer in English", "[commands][repair]") {
  test_bot bot;
  bot.as("Tom")
      .say("/repair 3-2-1201 kitchen pipe leaking")
      .should_reply_containing("Repair ticket #1 registered");
  bot.say("/mytickets").should_reply_containing("#1");
  bot.say("/ticket 1").should_reply_containing("State: new");
  bot.say("/help").should_reply_containing("/repair");
  bot.say("/help repair").should_reply_containing("Usage: /repair");
}

TEST_CASE("in a group the reply mentions the owner and never shows the room number",
          "[commands][repair][privacy]") {
  test_bot bot;
  auto r = bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 厨房水管漏水");
  REQUIRE(r.size() == 1);
  CHECK(r.all[0].target == bot.group("3栋业主群"));
  REQUIRE(r.all[0].body.mentions.size() == 1);
  CHECK(r.all[0].body.mentions[0].user_id == "王阿姨");
  CHECK(r.all[0].body.quote_id == bot.last_message_id());
  r.should_not_contain("1201");

  auto d = bot.say("工单 1");
  d.should_reply_containing("3栋2单元").should_not_contain("1201");
}

TEST_CASE("an owner cannot see someone else's ticket but staff can", "[commands][repair][roles]") {
  test_bot bot;
  bot.as("王阿姨").say("报修 3-2-1201 厨房水管漏水");
  bot.as("张先生").say("工单 1").should_reply_containing("不是您登记的").should_not_contain("厨房");
  bot.as("王师傅").say("工单 1").should_reply_containing("厨房水管漏水");
  bot.as("张先生").say("工单 99").should_reply_containing("没有找到工单 #99");
}

TEST_CASE("a staff group hears about new tickets without the room number", "[commands][repair]") {
  test_bot bot;
  bot.as("管理员").in_group("维修群").say("绑定小区 阳光花园 员工群").should_reply_containing("员工群");
  auto r = bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 厨房水管漏水");
  auto staff = r.to(bot.group("维修群"));
  REQUIRE(staff.size() == 1);
  CHECK(staff[0].shown.find("新工单 #1") != std::string::npos);
  CHECK(staff[0].shown.find("3栋2单元") != std::string::npos);
  CHECK(staff[0].shown.find("1201") == std::string::npos);
}

TEST_CASE("bad arguments get the usage, and bare chat in a group stays quiet", "[commands][repair][parser]") {
  test_bot bot;
  SECTION("private chat: usage") {
    bot.as("王阿姨").say("报修").should_reply_containing("用法：报修");
  }
  SECTION("only a room, no description: usage") {
    bot.as("王阿姨").say("报修 3-2-1201").should_reply_containing("用法");
  }
  SECTION("group, bare word without arguments or with too little: asked what and where") {
    bot.as("王阿姨").in_group("业主群").say("报修").should_reply_containing("请说说是什么问题、在哪里");
    bot.say("投诉 一下").should_reply_containing("请说说是什么问题、在哪里");
    CHECK_FALSE(bot.db().tickets.get(1));
  }
  SECTION("group with a prefix: usage") {
    bot.as("王阿姨").in_group("业主群").say("/报修").should_reply_containing("用法");
  }
  SECTION("group chatter that starts with a command word stays quiet") {
    bot.as("王阿姨").in_group("业主群").say("工单的事大家怎么看").should_be_silent();
    bot.say("我的工单都处理好了吗 大家").should_be_silent();
  }
  SECTION("ticket number that is not a number") {
    bot.as("王阿姨").say("工单 abc").should_reply_containing("用法");
  }
  SECTION("a description over 500 characters is refused and nothing is stored") {
    bot.as("王阿姨").say("报修 " + std::string(501 * 3, 'x')).should_reply_containing("太长");
    CHECK_FALSE(bot.db().tickets.get(1));
  }
}

TEST_CASE("a typo gets a suggestion", "[commands][parser]") {
  test_bot bot;
  bot.as("王阿姨").say("报秀 3-2-1201 漏水").should_reply_containing("报修");
  bot.say("/repiar 3-2-1201 leak").should_reply_containing("Did you mean: /repair");
  bot.say("完全不认识的话").should_reply_containing("帮助");
  bot.say("。").should_not_contain("是不是想用");           // punctuation is no typo of "?"
  bot.say("/help foo").should_not_contain("Did you mean");  // nor is "foo" one of "sos"
  bot.say("？").should_reply_containing("报修");            // a bare question mark: the Chinese help
  bot.say("谢谢").should_reply_containing("不客气").should_not_contain("没有这个命令");
  bot.say("你好").should_reply_containing("您好").should_not_contain("没有这个命令");
  SECTION("but not in a group without a prefix") {
    // No "did you mean" for group chat; a message about a leak gets the offer to register it instead.
    bot.in_group("业主群").say("报秀 3-2-1201 漏水").should_not_contain("是不是想用");
    bot.as("张先生").say("报秀一下今天的天气").should_be_silent();
  }
}

TEST_CASE("the same delivery twice is answered and stored once", "[commands][idempotency]") {
  test_bot bot;
  bot::message m;
  m.id = "platform-msg-7";
  m.chat = bot.group("业主群");
  m.sender = {"console", "王阿姨", "王阿姨"};
  m.text = "报修 3-2-1201 厨房水管漏水";
  bot.deliver(m).should_reply_containing("#1");
  bot.deliver(m).should_be_silent();
  CHECK_FALSE(bot.db().tickets.get(2));
}

TEST_CASE("a bound owner need not type the room", "[commands][repair]") {
  test_bot bot;
  bot.import_roster("3,2,1201,89.50,王芳,13800001234\n");
  bot.as("王阿姨").say("绑定 3-2-1201 1234").should_reply_containing("绑定成功");
  bot.say("报修 卫生间灯不亮").should_reply_containing("#1");
  auto t = bot.db().tickets.get(1);
  REQUIRE(t);
  CHECK(t->location == "3-2-1201");
  CHECK(t->unit_id.has_value());
}

TEST_CASE("a photo sent with the report is kept on the ticket", "[commands][repair]") {
  test_bot bot;
  bot::message m;
  m.id = "img-1";
  m.chat = {"console", "", bot::chat_kind::direct, "王阿姨"};
  m.sender = {"console", "王阿姨", "王阿姨"};
  m.text = "报修 3-2-1201 天花板渗水";
  m.images.push_back({"https://example.invalid/leak.jpg"});
  bot.deliver(m).should_reply_containing("#1");
  CHECK(bot.db().tickets.images(1) == std::vector<std::string>{"https://example.invalid/leak.jpg"});
}

TEST_CASE("a suggestion typed in a group is registered when it asks for something",
          "[commands][suggestion]") {
  test_bot bot;
  bot.as("王阿姨").in_group("3栋业主群");
  bot.say("建议 小区门口增加一个快递柜").should_reply_containing("#1");
  bot.say("建议 3栋门口装个路灯").should_reply_containing("#2");
  CHECK(bot.db().tickets.get(2)->building == "3");
  bot.say("意见 大家怎么看").should_be_silent();  // asking the neighbours
  CHECK_FALSE(bot.db().tickets.get(3));
}
