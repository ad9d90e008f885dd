// Owners speak plainly (issue: "understand complaints, questions and places in ordinary Chinese"):
// the examples a new owner tried, in groups and in private chat, each with what should happen.
#include <catch2/catch.hpp>

#include "support/test_bot.hpp"
#include "support/vocabulary_strings.hpp"

namespace plain_words_test {

using testing::test_bot;

TEST_CASE("private plain sentences become tickets or offers, never 没有这个命令", "[intent][direct]") {
  test_bot bot;
  auto r = bot.as("王阿姨").in_private().say("我家卫生间漏水了，楼下说渗到他们家了");
  r.should_not_contain("没有这个命令");
  r.should_reply_containing("已登记报修工单 #1").should_reply_containing("不对请回复“取消工单 1”");
  auto t = bot.db().tickets.get(1);
  REQUIRE(t);
  CHECK(t->category == domain::ticket_category::leak);
  CHECK(t->priority == domain::ticket_priority::urgent);

  bot.say("取消工单 1").should_reply_containing("#1");
  bot.as("刘先生").say("电梯坏了").should_not_contain("没有这个命令").should_reply_containing("登记");
  // A greeting in front does not hide the leak.
  bot.as("赵女士").say("你好，我家厨房水管漏水了").should_reply_containing("已登记报修工单");
  bot.as("赵女士").say("谢谢").should_reply_containing("不客气");
  bot.as("钱先生")
      .say("今天天气真好")
      .should_reply_containing("我是物业助手")
      .should_not_contain("没有这个命令");
  // A typo of a command is still asked about.
  bot.as("钱先生").say("报秀 3-2-1201 漏水").should_reply_containing("报修");
}

TEST_CASE("group problems typed without a command get the offer, chat and questions do not",
          "[intent][offers]") {
  test_bot bot;
  bot.register_group("3栋业主群", "3");
  const char* problems[] = {"楼上又在装修吵死了", "垃圾桶都臭了好几天没人清", "车位被占", "暖气不热"};
  int n = 0;
  for (const char* p : problems) {
    INFO(p);
    bot.as("业主" + std::to_string(++n)).in_group("3栋业主群").say(p).should_reply_containing("需要帮您登记");
  }
  // Renovation noise is a complaint, not a repair; a report in 3栋业主群 is at 3栋.
  bot.as("业主1").say("登记").should_reply_containing("已登记投诉").should_reply_containing("地点：3栋");
  CHECK(bot.db().tickets.get(1)->kind == domain::ticket_kind::complaint);
  CHECK(bot.db().tickets.get(1)->category == domain::ticket_category::noise);

  // A question a notice answers gets the notice, never a repair offer.
  bot.as("管理员").in_group("维修群").say("绑定小区 阳光花园 员工群");
  bot.as("王师傅").in_private().say("公告 3栋 停水通知 | 今天 13:00-17:00 停水检修");
  bot.as("孙先生")
      .in_group("3栋业主群")
      .say("今天几点停水")
      .should_reply_containing("停水通知")
      .should_not_contain("登记");
  bot.as("孙先生").say("今晚小区有电影放映吗").should_be_silent();  // neighbours' chat
}

TEST_CASE("a bare 投诉 with a real problem is registered, and an @ with 我要投诉 is offered as a complaint",
          "[intent][offers]") {
  test_bot bot;
  bot.as("李阿姨")
      .in_group("5栋业主群")
      .say("投诉 楼上的狗天天半夜叫")
      .should_reply_containing("已登记投诉 #1");
  CHECK(bot.db().tickets.get(1)->category == domain::ticket_category::noise);
  bot.as("周先生").say("@物业助手 我要投诉保安").should_reply_containing("需要帮您登记");
  bot.say("登记").should_reply_containing("已登记投诉 #2");
  CHECK(bot.db().tickets.get(2)->kind == domain::ticket_kind::complaint);
}

TEST_CASE("places are read from the words, far from the reporter's flat", "[intent][places]") {
  test_bot bot;
  bot.import_roster("3,1,101,89.50,张伟,13800001234\n");
  bot.as("张先生").in_private().say("绑定 3-1-101 1234").should_reply_containing("绑定成功");
  bot.as("张先生")
      .in_group("业主大群")
      .say("报修 13楼电梯口的灯不亮")
      .should_reply_containing("地点：13楼电梯口");
  auto t = bot.db().tickets.get(1);
  REQUIRE(t);
  CHECK(t->category == domain::ticket_category::lighting);
  CHECK(t->location == "13楼电梯口");
  bot.say("投诉 地下车库B区有车乱停占道").should_reply_containing("地点：地下车库B区");
  CHECK(bot.db().tickets.get(2)->location == "地下车库B区");  // not the reporter's flat
  CHECK(bot.db().tickets.get(2)->category == domain::ticket_category::parking);
  // Privately, a flat the owner is bound to is where a repair without a place is, and a floor
  // without a building is in the owner's building.
  bot.in_private().say("报修 卫生间马桶堵了").should_reply_containing("地点：3-1-101");
  bot.say("报修 2楼楼道灯不亮").should_reply_containing("地点：2楼楼道");
  CHECK(bot.db().tickets.get(4)->building == "3");
  bot.as("刘先生").in_group("5栋业主群");
  bot.register_group("5栋业主群", "5");
  bot.say("报修 3楼楼道灯不亮").should_reply_containing("#5");
  CHECK(bot.db().tickets.get(5)->building == "5");  // the group's building
}

TEST_CASE("gas, a shaking lift and fire are urgent with the safety advice first", "[intent][safety]") {
  test_bot bot;
  bot.as("张先生").in_group("3栋业主群").say("楼道里有股煤气味").should_reply_containing("请先拨打 119");
  bot.say("登记").should_reply_containing("优先级：紧急");
  bot.as("刘女士").say("报修 电梯有异响，晃得厉害").should_reply_containing("优先级：紧急");
  bot.as("钱先生").in_private().say("楼下冒烟了好像着火了").should_reply_containing("请先拨打 119");
  // A question about a danger that has passed is no fire; a danger not yet over is.
  bot.as("孙先生").in_private().say("昨天的火警解除了吗").should_not_contain("119");
  bot.as("周女士").in_private().say("电梯困人半小时了还没修好").should_reply_containing("请先拨打 119");
}

TEST_CASE("a group's 帮助 is a few lines for the asker's role, the whole menu privately", "[help]") {
  test_bot bot;
  auto group = bot.as("王阿姨").in_group("3栋业主群").say("帮助");
  group.should_reply_containing("私聊我“帮助”");
  const std::string shown = group.all.at(0).body.text;
  CHECK(std::count(shown.begin(), shown.end(), '\n') <= 4);
  bot.as("王师傅").say("帮助").should_reply_containing("接单");
  auto full = bot.as("王阿姨").in_private().say("帮助");
  const std::string menu = full.all.at(0).body.text;
  CHECK(std::count(menu.begin(), menu.end(), '\n') > 10);
}

TEST_CASE("staff write commands without / in their group, and natural dates", "[staff][notice]") {
  test_bot bot;
  bot.as("管理员").in_group("3栋业主群").say("绑定小区 阳光花园 3栋");
  bot.in_group("5栋业主群").say("绑定小区 阳光花园 5栋");
  bot.in_group("维修群").say("绑定小区 阳光花园 员工群");
  bot.as("张先生").in_group("3栋业主群").say("报修 3栋楼道灯不亮");
  bot.as("王师傅").in_group("维修群").say("接单 1").should_reply_containing("#1");
  bot.say("定时公告 12月10日上午9点 停电检修 | 全天").should_reply_containing("将发送到 2 个群");
  bot.say("确认发送").should_reply_containing("已安排公告 #1").should_reply_containing("12-10 09:00");
  bot.say("定时公告 下周三晚上7点 业主大会 | 会所").should_reply_containing("将发送到 2 个群");
  bot.say("今天中午吃什么").should_be_silent();  // colleagues' chat stays theirs
  // Words everyone may say keep their bare-word rules: a colleague's 维修 is no ticket.
  bot.say("维修 师傅下午三点到").should_be_silent();
  CHECK_FALSE(bot.db().tickets.get(2));
  // Even to one building's one group, a 公告 said without / waits.
  bot.say("公告 3栋 停水 | 明天").should_reply_containing("将发送到 1 个群");
}

}  // namespace plain_words_test
