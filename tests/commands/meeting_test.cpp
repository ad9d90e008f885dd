// Transcripts: a manager calls a meeting, owners answer, a reminder comes before it, and the minutes
// reach the same audience, cut into messages, and stay.
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

void make_meeting_groups(test_bot& bot) {
  bot.register_group("3栋业主群", "3");
  bot.register_group("5栋业主群", "5");
  bot.register_group("阳光花园大群");
}

bot::chat_ref meeting_direct(const std::string& who) {
  return {"console", "", bot::chat_kind::direct, who};
}

// 2025-12-15 in Beijing at the given hour.
std::int64_t dec15(int hour) {
  return 1'765'728'000'000 + static_cast<std::int64_t>(hour) * 3'600'000;
}

}  // namespace

TEST_CASE("a building's meeting: called, answered, reminded, minutes published in parts and kept",
          "[commands][meetings]") {
  test_bot bot;
  make_meeting_groups(bot);
  auto called = bot.as("经理").in_private().say("会议 业委会季度会议 2025-12-15 19:00 物业会议室 对象 3栋");
  called.should_reply_containing("已召集会议 #1").should_reply_containing("2 个群");
  auto notice = called.to(bot.group("3栋业主群"));
  REQUIRE(notice.size() == 1);
  CHECK(notice[0].shown.find("【会议通知 #1】业委会季度会议") != std::string::npos);
  CHECK(notice[0].shown.find("2025-12-15 19:00 周一") != std::string::npos);
  CHECK(notice[0].shown.find("地点：物业会议室") != std::string::npos);
  CHECK(called.to(bot.group("阳光花园大群")).size() == 1);
  CHECK(called.to(bot.group("5栋业主群")).empty());

  bot.as("王阿姨").in_group("3栋业主群").say("参加 1").should_reply_containing("目前 1 人报名参加");
  bot.as("李先生").say("不参加 1").should_reply_containing("不参加会议 #1");
  bot.as("李先生").say("参加比赛的人多吗").should_be_silent();
  bot.say("会议 1").should_reply_containing("报名参加 1 人，不参加 1 人");

  bot.clock().set(dec15(17));
  auto reminded = bot.run_jobs();
  auto r = reminded.to(bot.group("3栋业主群"));
  REQUIRE(r.size() == 1);
  CHECK(r[0].shown.find("【会议提醒 #1】业委会季度会议") != std::string::npos);
  CHECK(r[0].shown.find("已有 1 人报名参加") != std::string::npos);

  bot.as("经理").say("纪要 1 内容").should_reply_containing("还没开始");
  bot.clock().set(dec15(21));
  bot.as("王阿姨").say("参加 1").should_reply_containing("已经开始或开过了");

  std::string text = "一、3-2-1201 漏水已修复。\n\n";
  for (int i = 0; i < 3; ++i) text += "二、停车位改造方案讨论，" + std::string(500, 'x') + "。\n\n";
  auto published = bot.as("经理").in_private().say("纪要 1 " + text);
  published.should_reply_containing("分 2 条");
  auto parts = published.to(bot.group("3栋业主群"));
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].shown.find("【会议纪要 #1】业委会季度会议（1/2）") != std::string::npos);
  CHECK(parts[0].shown.find("3栋2单元") != std::string::npos);
  CHECK(parts[0].shown.find("1201") == std::string::npos);
  CHECK(parts[1].shown.find("（2/2）") != std::string::npos);

  bot.as("张三").in_group("5栋业主群").say("纪要 1").should_reply_containing("【会议纪要 #1】");
  bot.say("会议列表").should_reply_containing("#1 业委会季度会议（2025-12-15 19:00 周一，有纪要：纪要 1）");
}

TEST_CASE("a meeting about parking invites privately the owners who reported parking problems",
          "[commands][meetings]") {
  test_bot bot;
  make_meeting_groups(bot);
  bot.as("王阿姨").in_private().say("投诉 地库停车位总被外来车辆占用");
  bot.as("李先生").say("报修 3-2-1201 厨房水管漏水");
  auto called = bot.as("经理").say("会议 停车座谈会 下周三晚上7点 活动室 对象 停车");
  called.should_reply_containing("私信邀请 1 位");
  auto invite = called.to(meeting_direct("王阿姨"));
  REQUIRE(invite.size() == 1);
  CHECK(invite[0].shown.find("对象：反映过「停车」问题的业主") != std::string::npos);
  CHECK(invite[0].shown.find("2025-12-10 19:00 周三") != std::string::npos);
  CHECK(called.to(meeting_direct("李先生")).empty());
  CHECK(called.to(bot.group("阳光花园大群")).empty());
}

TEST_CASE("calling a meeting: who may, and times that are not clear are refused with an example",
          "[commands][meetings]") {
  test_bot bot;
  make_meeting_groups(bot);
  bot.as("王阿姨").in_group("3栋业主群").say("会议室在哪").should_be_silent();
  bot.say("/会议 座谈会 明天 19:00 活动室").should_reply_containing("只有物业经理可以召集会议");
  bot.as("经理").in_private();
  bot.say("会议 座谈会 明天7点 活动室").should_reply_containing("是上午还是晚上");
  bot.say("会议 座谈会 12月20日 活动室").should_reply_containing("还缺具体几点");
  bot.say("会议 座谈会 上周五 19:00 活动室").should_reply_containing("看不懂时间");
  bot.say("会议 座谈会 明天 19:00 活动室 对象 火星").should_reply_containing("看不懂对象「火星」");
  bot.say("会议 9").should_reply_containing("没有找到会议 #9");
  auto no_place = bot.say("会议 座谈会 明天 19:00").to(bot.group("阳光花园大群"));
  REQUIRE(no_place.size() == 1);
  CHECK(no_place[0].shown.find("地点：待定") != std::string::npos);
}

TEST_CASE("titles of several words, times with an end, English audiences, a private meeting stays private",
          "[commands][meetings]") {
  test_bot bot;
  make_meeting_groups(bot);
  auto called = bot.as("经理").in_private().say("会议 业委会 季度会议 2025-12-15 19:00-21:00 物业会议室");
  called.should_reply_containing("「业委会 季度会议」").should_reply_containing("2025-12-15 19:00 周一");
  bot.say("/meeting Lift works 2025-12-16 19:30 office for bldg 5")
      .should_reply_containing("in 2 group(s)")
      .should_not_contain("看不懂");
  bot.say("会议 4 明天 19:00 活动室").should_reply_containing("用法");
  bot.as("王阿姨").say("投诉 地库停车位总被外来车辆占用");
  bot.as("经理").say("会议 停车座谈会 明天 19:00 活动室 对象 停车");
  auto asked = bot.as("路人").in_group("3栋业主群").say("会议 3");
  asked.should_reply_containing("详情已私信发给您");
  CHECK(asked.to(bot.group("3栋业主群")).size() == 1);
  CHECK(asked.to(meeting_direct("路人")).size() == 1);
}
