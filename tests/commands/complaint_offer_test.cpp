// Complaints that would have drowned in chat: one short offer, 登记 turns the message into a
// ticket, at most one offer per person per window, never on thanks or greetings, and an off-switch.
#include <catch2/catch.hpp>

#include "support/test_bot.hpp"
#include "support/vocabulary_strings.hpp"

using testing::test_bot;

TEST_CASE("a complaint typed without a command gets one offer, and 登记 files it", "[offers]") {
  test_bot bot;
  bot.as("管理员").in_group("维修群").say("绑定小区 阳光花园 员工群");
  auto r = bot.as("张先生").in_group("5栋业主群").say("5栋电梯又坏了，困了好久都没人管");
  REQUIRE(r.size() == 1);
  r.should_reply_containing("@张先生 需要帮您登记报修吗？回复“登记”即可");
  CHECK(r.all[0].body.quote_id == bot.last_message_id());
  CHECK_FALSE(bot.db().tickets.get(1));

  // SCENARIOS §2: someone trapped is a repair to send someone to, however angry the words.
  r = bot.say("登记");
  r.should_reply_containing("@张先生 已登记报修工单 #1").should_reply_containing("类别：电梯，优先级：紧急");
  r.should_reply_containing("预计 30 分钟内响应");
  auto t = bot.db().tickets.get(1);
  REQUIRE(t);
  CHECK(t->kind == domain::ticket_kind::repair);
  CHECK(t->category == domain::ticket_category::elevator);
  CHECK(t->priority == domain::ticket_priority::urgent);  // 困人
  CHECK(t->building == "5");
  CHECK(t->description == "5栋电梯又坏了，困了好久都没人管");
  CHECK(r.to(bot.group("维修群")).at(0).shown.find("新工单 #1 紧急") != std::string::npos);

  bot.say("登记").should_be_silent();  // already filed
  CHECK_FALSE(bot.db().tickets.get(2));
  bot.say("我的工单").should_reply_containing("#1");
}

TEST_CASE("a leak mentioned in passing becomes a repair", "[offers]") {
  test_bot bot;
  bot.as("王阿姨")
      .in_group("3栋业主群")
      .say("楼上漏水到我家了")
      .should_reply_containing("需要帮您登记报修吗");
  bot.say("登记").should_reply_containing("已登记报修工单 #1").should_reply_containing("漏水");
  CHECK(bot.db().tickets.get(1)->kind == domain::ticket_kind::repair);
}

TEST_CASE("offers are rare: once per person per window, never on thanks, greetings or chat", "[offers]") {
  test_bot bot;
  bot.as("王阿姨").in_group("3栋业主群");
  bot.say("谢谢师傅，漏水修好了").should_be_silent();
  bot.say("大家早上好").should_be_silent();
  bot.say("今晚小区有电影放映吗").should_be_silent();
  bot.say("坏了").should_be_silent();  // too short to say what
  bot.say(std::string(70, 'x') + "楼道灯不亮" + std::string(150, 'y')).should_be_silent();  // a long post

  bot.say("楼道灯不亮好几天了").should_reply_containing("需要帮您登记报修吗");
  bot.say("3栋门口又停电了").should_be_silent();  // same person, same hour
  bot.as("刘女士").say("3栋门口又停电了").should_reply_containing("需要帮您登记报修吗");  // someone else
  bot.as("王阿姨").in_group("5栋业主群").say("5栋也停电了").should_be_silent();  // the window is per person
  bot.clock().advance_minutes(61);
  bot.say("5栋也停电了").should_reply_containing("需要帮您登记报修吗");

  SECTION("an offer expires") {
    bot.clock().advance_minutes(31);
    bot.say("登记").should_be_silent();
    bot.say("/登记").should_reply_containing("用法");
    CHECK_FALSE(bot.db().tickets.get(1));
  }
  SECTION("登记 takes only one's own offer") {
    bot.as("路人").in_group("5栋业主群").say("登记").should_be_silent();
    CHECK_FALSE(bot.db().tickets.get(1));
  }
}

TEST_CASE("offers only in owners' groups, never to staff", "[offers]") {
  test_bot bot;
  bot.as("管理员").in_group("维修群").say("绑定小区 阳光花园 员工群");
  bot.as("王阿姨").in_group("维修群").say("3栋电梯坏了").should_be_silent();
  bot.as("王师傅").in_group("3栋业主群").say("3栋电梯坏了，正在抢修").should_be_silent();
  // Privately the meaning is clear: the ticket itself, with the way back.
  bot.as("王阿姨")
      .in_private()
      .say("3栋电梯坏了")
      .should_reply_containing("已登记报修工单 #1")
      .should_reply_containing("地点：3栋")
      .should_reply_containing("不对请回复“取消工单 1”");
}

TEST_CASE("a manager switches offers off and on per group", "[offers]") {
  test_bot bot;
  bot.as("王阿姨").in_group("3栋业主群").say("报修提示 关").should_be_silent();  // her chat, no refusal
  bot.say("/报修提示 关").should_reply_containing("物业经理");
  bot.as("经理").say("报修提示 关").should_reply_containing("已关闭");
  bot.as("王阿姨").say("楼上漏水到我家了").should_be_silent();
  bot.as("刘女士").in_group("5栋业主群").say("5栋电梯坏了").should_reply_containing("需要帮您登记报修吗");
  bot.as("经理").in_group("3栋业主群").say("报修提示 开").should_reply_containing("已开启");
  bot.as("王阿姨").say("楼上漏水到我家了").should_reply_containing("需要帮您登记报修吗");
  bot.as("经理").in_private().say("报修提示 关").should_reply_containing("只能在群里");
  bot.register_group("维修群", "", "staff");
  bot.as("经理").in_group("维修群").say("报修提示 关").should_reply_containing("本来就不会提示登记报修");
  CHECK(bot.db().audit.recent(1).at(0).action == "offers.on");
}

TEST_CASE("offers can be switched off and their words changed in the config", "[offers][config]") {
  SECTION("off") {
    test_bot bot("[tickets.offers]\nenabled = false\n");
    bot.as("王阿姨").in_group("3栋业主群").say("楼上漏水到我家了").should_be_silent();
  }
  SECTION("own words on top of the model, and a shorter window") {
    test_bot bot("[tickets.offers]\nkeywords = [\"鞭炮\"]\nignore = [\"装修\"]\nwindow_minutes = 5\n");
    bot.as("王阿姨").in_group("3栋业主群").say("楼上又在装修吵死了").should_be_silent();
    bot.say("半夜有人放鞭炮").should_reply_containing("需要帮您登记报修吗");
    bot.clock().advance_minutes(6);
    bot.say("又有人放鞭炮").should_reply_containing("需要帮您登记报修吗");
    bot.clock().advance_minutes(6);
    bot.say("楼道里一股煤气味，装修的人走了以后就有").should_reply_containing("请先拨打 119");  // safety wins
  }
}

TEST_CASE("smoke, fire or gas in a group gets safety advice before the offer", "[tickets][offers]") {
  test_bot bot(R"(
[emergency]
duty_phone = "400-800-1234"
)");
  bot.as("管理员").in_group("3栋业主群").say("绑定小区 阳光花园 3栋");
  bot.as("张先生").in_group("3栋业主群");
  bot.say("3栋楼道里冒烟了，好像着火了")
      .should_reply_containing("请先拨打 119")
      .should_reply_containing("值班电话 400-800-1234")
      .should_reply_containing("回复“登记”");
  bot.as("刘女士").say("@物业助手 燃气味道很重").should_reply_containing("请先拨打 119");
  bot.as("刘女士").say("登记").should_reply_containing("优先级：紧急");
  bot.as("赵先生")
      .say("3栋门口又停电了")
      .should_reply_containing("需要帮您登记报修吗")
      .should_not_contain("119");
}
