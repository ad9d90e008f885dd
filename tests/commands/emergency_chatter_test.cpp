// The seam between an open emergency, owners' acknowledgements and complaint offers: during a
// power cut the emergency is what the group reads — outage talk gets no offers, everyday "收到了"
// counts silently, replies quoting the alert stay silent, and someone who asks the bot directly
// is pointed at the emergency; without an emergency an @-addressed complaint gets the offer.
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/test_bot.hpp"
#include "support/vocabulary_strings.hpp"

using testing::test_bot;

namespace {

constexpr const char* chatter_duty_phone = R"(
[emergency]
duty_phone = "400-800-1234"
)";

// 3栋业主群 registered; 张一, 张二, 李一 and 王阿姨 have talked there; 王师傅 declared a power cut.
void power_cut(test_bot& bot) {
  bot.as("管理员").in_group("3栋业主群").say("绑定小区 阳光花园 3栋");
  for (const char* who : {"张一", "张二", "李一", "王阿姨"}) bot.as(who).in_group("3栋业主群").say("大家好");
  bot.as("王师傅").in_private().say("紧急 停电 3栋 配电箱故障").should_reply_containing("#1");
}

// A reply quoting one of the bot's messages, as the OneBot adapter reads it: addressed by the quote only
// (QQ inserts an @ of the bot that nobody typed).
bot::message quoting_reply(test_bot& bot, const std::string& who, const std::string& text) {
  bot::message m;
  m.id = "quote-" + who + "-" + std::to_string(bot.clock().now_ms());
  m.chat = bot.group("3栋业主群");
  m.chat_title = "3栋业主群";
  m.sender = {"console", who, who};
  m.text = text;
  m.addressed_to_bot = true;
  m.addressed_by_quote_only = true;
  m.quoted_id = "m1";
  return m;
}

}  // namespace

TEST_CASE("during an emergency, outage talk gets no complaint offers", "[emergency][offers]") {
  test_bot bot(chatter_duty_phone);
  power_cut(bot);
  bot.as("王阿姨").in_group("3栋业主群");
  bot.say("停电了，电梯也坏了，怎么回事").should_be_silent();
  bot.as("张一").say("我家也停电了，冰箱都坏了").should_be_silent();
  bot.say("登记").should_be_silent();  // nothing was offered
  CHECK_FALSE(bot.db().tickets.get(1));

  // Asked directly, the bot points at the emergency, once per question.
  auto r = bot.as("王阿姨").say("@物业助手 停电了，电梯也坏了，怎么回事");
  r.should_reply_containing("物业正在处理紧急通知 #1（停电）").should_reply_containing("400-800-1234");
  r.should_not_contain("需要帮您登记");
  bot.as("李一")
      .say("@物业助手 楼道冒烟了怎么办")
      .should_reply_containing("400-800-1234")
      .should_not_contain("没有这个命令");

  SECTION("after the all-clear, offers are back") {
    bot.as("王师傅").in_private().say("解除 1 已恢复供电");
    bot.as("李一")
        .in_group("3栋业主群")
        .say("又停电了，电梯也坏了")
        .should_reply_containing("需要帮您登记报修吗");
  }
}

TEST_CASE("everyday acknowledgements count, silently", "[emergency][ack]") {
  test_bot bot(chatter_duty_phone);
  power_cut(bot);
  bot.as("张一").in_group("3栋业主群").say("收到了").should_be_silent();
  bot.as("张二").say("好的收到").should_be_silent();
  bot.as("李一").say("已收到!").should_be_silent();
  bot.as("王阿姨").say("知道了，谢谢").should_be_silent();
  CHECK(bot.db().emergencies.ack_count(1) == 4);
  // A reminder no longer @s them.
  auto remind = bot.as("王师傅").in_private().say("提醒 1");
  auto in_group = remind.to(bot.group("3栋业主群"));
  REQUIRE(in_group.size() == 1);
  CHECK(in_group[0].body.mentions.empty());

  SECTION("questions, denials and long messages are not acknowledgements") {
    bot.as("路人").in_group("3栋业主群").say("收到了吗？").should_be_silent();
    bot.say("我没收到通知").should_be_silent();
    bot.say("收到了收到了，可是我们家到底什么时候才能来电啊，急死了").should_be_silent();
    CHECK(bot.db().emergencies.ack_count(1) == 4);
  }
  SECTION("without an emergency, 收到了 is just chat") {
    bot.as("王师傅").in_private().say("解除 1");
    bot.as("路人").in_group("3栋业主群").say("收到了").should_be_silent();
    CHECK(bot.db().emergencies.ack_count(1) == 4);
  }
}

TEST_CASE("answering the alert by quoting it is recorded without a reply", "[emergency][ack][onebot]") {
  test_bot bot(chatter_duty_phone);
  power_cut(bot);
  bot.deliver(quoting_reply(bot, "张一", "收到")).should_be_silent();
  bot.deliver(quoting_reply(bot, "张二", "收到了，谢谢")).should_be_silent();
  bot.deliver(quoting_reply(bot, "李一", "谢谢物业")).should_be_silent();  // thanks, not a question
  CHECK(bot.db().emergencies.ack_count(1) == 2);
  // An @ typed on purpose is recorded silently too; only a prefix asks for an answer.
  bot.as("王阿姨").in_group("3栋业主群").say("@物业助手 收到").should_be_silent();
  CHECK(bot.db().emergencies.ack_count(1) == 3);
  bot.say("/收到").should_reply_containing("您已经确认过紧急通知 #1");
  bot.as("李一").in_private().say("收到").should_reply_containing("已确认收到紧急通知 #1");
}

TEST_CASE("acknowledgement counts leave staff out, as reminders do", "[emergency][ack][roles]") {
  test_bot bot;
  bot.as("管理员").in_group("5栋业主群").say("绑定小区 阳光花园 5栋");
  for (const char* who : {"甲", "乙", "王师傅", "经理"}) bot.as(who).in_group("5栋业主群").say("在吗");
  bot.as("王师傅").in_private().say("紧急 电梯困人 5栋 2号电梯");
  bot.as("王师傅").in_group("5栋业主群").say("收到");  // staff answering do not raise the count
  bot.as("甲").say("收到");
  auto r = bot.as("王师傅").in_private().say("紧急 1 确认情况");
  r.should_reply_containing("已确认 1/2 人（50%").should_reply_containing("5栋业主群 1/2");
}

TEST_CASE("an @-addressed complaint gets the offer, not 'no such command'", "[offers][parser]") {
  test_bot bot;
  auto r = bot.as("张先生").in_group("5栋业主群").say("@物业助手 5栋电梯坏了，有人被困");
  r.should_reply_containing("需要帮您登记报修吗").should_not_contain("没有这个命令");
  // Asked again at once, the owner is answered again: the per-person window is for chatter.
  bot.say("@物业助手 5栋电梯还是坏的，有人被困").should_reply_containing("需要帮您登记报修吗");
  r = bot.say("登记");
  r.should_reply_containing("已登记报修工单 #1").should_reply_containing("优先级：紧急");
  CHECK(bot.db().tickets.get(1)->description == "5栋电梯还是坏的，有人被困");  // without the @
  bot.say("@物业助手 今天天气怎么样").should_reply_containing("没有这个命令");
}

TEST_CASE("an urgent complaint is filed as a repair and says its priority", "[offers][tickets]") {
  test_bot bot;
  bot.as("张先生").in_group("5栋业主群").say("5栋电梯又坏了，困了好久都没人管");
  auto r = bot.say("登记");
  r.should_reply_containing("已登记报修工单 #1（类别：电梯，优先级：紧急）");
  CHECK(bot.db().tickets.get(1)->kind == domain::ticket_kind::repair);

  // A complaint about the service itself stays a complaint, is "处理", never "修复".
  bot.as("刘女士").in_group("5栋业主群").say("物业费乱收费，打电话也没人管");
  r = bot.say("登记");
  r.should_reply_containing("已登记投诉 #2（类别：物业费，优先级：一般）");
  r.should_not_contain("修复");
  CHECK(bot.db().tickets.get(2)->kind == domain::ticket_kind::complaint);
}
