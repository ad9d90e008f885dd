// Transcripts: a topic forum from a manager's question to owners' opinions, read by building, and
// closed with a summary to the same owners or turned into a poll.
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

constexpr const char* topic_roster =
    "楼栋,单元,房号,面积,业主,电话\n"
    "3,2,1201,89.50,王芳,13800001234\n"
    "5,1,301,75,李强,13900005678\n";

bot::chat_ref topic_direct(const std::string& who) {
  return {"console", "", bot::chat_kind::direct, who};
}

}  // namespace

TEST_CASE("a topic: owners give opinions, managers read them by building and publish a summary",
          "[commands][topics]") {
  test_bot bot;
  bot.import_roster(topic_roster);
  bot.register_group("3栋业主群", "3");
  bot.register_group("阳光花园大群");
  bot.as("王阿姨").in_private().say("绑定 3-2-1201 1234");
  bot.as("李先生").say("绑定 5-1-301 5678");
  auto opened = bot.as("经理").say("话题 停车位改造方案");
  opened.should_reply_containing("已发起话题 #1").should_reply_containing("2 个群");
  REQUIRE(opened.to(bot.group("3栋业主群")).size() == 1);
  CHECK(opened.to(bot.group("3栋业主群"))[0].shown.find("发送「话题 1 您的意见」") != std::string::npos);

  auto first =
      bot.as("王阿姨").in_group("3栋业主群").say("话题 1 建议地面车位夜间限时停车，我家电话13800001234");
  first.should_reply_containing("已收到您对话题 #1 的意见");
  CHECK(first.text().find("限时停车") == std::string::npos);  // not echoed into the group
  bot.say("话题 1 建议地面车位改成月租").should_reply_containing("已更新");
  bot.as("李先生").in_private().say("话题 1 地库增加充电桩");
  bot.as("路人").say("话题 1 随便说说");
  bot.in_group("3栋业主群").say("话题的事大家怎么看").should_be_silent();
  bot.in_private();
  // An owner typing the managers' word sees the topic; their own opinion stays as it was.
  bot.say("话题 1 意见").should_reply_containing("【话题 #1】停车位改造方案").should_not_contain("随便说说");
  bot.say("话题 1 \"\"").should_reply_containing("用法");

  auto list = bot.as("经理").say("话题 1 意见");
  list.should_reply_containing("话题 #1 的意见（3 条，按楼栋）");
  list.should_reply_containing("【3栋】1 条").should_reply_containing("· 王阿姨：建议地面车位改成月租");
  list.should_reply_containing("【5栋】1 条").should_reply_containing("· 李先生：地库增加充电桩");
  list.should_not_contain("13800001234");  // the opinion was replaced; phones never shown in groups anyway
  list.should_reply_containing("【未绑定房屋】1 条").should_reply_containing("· 路人：随便说说");
  bot.register_group("经理群", "", "managers");
  auto in_group = bot.in_group("经理群").say("话题 1 意见");
  in_group.should_reply_containing("意见列表已私信发给您");
  CHECK(in_group.to(bot.group("经理群")).size() == 1);
  bot.in_private();

  auto summary = bot.say("话题 1 总结 下月起试行夜间限时停车，地库加装 10 个充电桩。");
  summary.should_reply_containing("发到 2 个群或人");
  auto shown = summary.to(bot.group("3栋业主群"));
  REQUIRE(shown.size() == 1);
  CHECK(shown[0].shown.find("【话题总结 #1】停车位改造方案") != std::string::npos);
  CHECK(shown[0].shown.find("共收到 3 条意见。") != std::string::npos);
  bot.say("话题 1 总结 再发一次").should_reply_containing("已经结束");  // not broadcast twice
  bot.as("王阿姨").say("话题 1 还有意见").should_reply_containing("已经结束");
  bot.say("话题").should_reply_containing("#1 停车位改造方案（已结束，3 条意见）");
}

TEST_CASE("a topic for the owners of a problem reaches them privately and can become a poll",
          "[commands][topics]") {
  test_bot bot;
  bot.register_group("阳光花园大群");
  bot.as("王阿姨").in_private().say("投诉 地库停车位总被外来车辆占用");
  auto opened = bot.as("经理").say("话题 外来车辆管理 对象 停车");
  opened.should_reply_containing("1 个群或人");
  CHECK(opened.to(topic_direct("王阿姨")).size() == 1);
  CHECK(opened.to(bot.group("阳光花园大群")).empty());
  bot.as("王阿姨").say("话题 1 外来车辆一律登记");
  // A poll would reach every group, not the owners concerned: refused for such a topic.
  bot.as("经理")
      .say("话题 1 转投票 支持登记 | 不支持 截止 明天 20:00")
      .should_reply_containing("只面向部分业主");
  bot.say("话题 访客车辆管理");
  auto poll = bot.say("话题 2 转投票 支持登记 | 不支持 截止 明天 20:00");
  poll.should_reply_containing("已发起投票 #1「访客车辆管理」");
  bot.say("话题 2").should_reply_containing("已转为投票 #1");
  bot.as("经理").say("话题 停车 对象 火星").should_reply_containing("看不懂对象「火星」");
  bot.as("王阿姨").say("/话题 新话题").should_reply_containing("只有物业经理可以发起话题");
}
