// Transcripts: staff log visits to buildings, a problem found becomes a ticket with one word,
// managers see coverage per building and week, and the tickets waiting for a return visit, which
// can be corrected.
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

constexpr const char* visit_roster =
    "楼栋,单元,房号,面积,业主,电话\n"
    "3,2,1201,89.50,王芳,13800001234\n"
    "5,1,301,75,李强,13900005678\n"
    "7,1,101,80,赵敏,13700009999\n";

}  // namespace

TEST_CASE("visits are logged, a problem found opens a ticket, and coverage shows who was missed",
          "[commands][visits]") {
  test_bot bot;
  bot.import_roster(visit_roster);
  bot.register_group("维修群", "", "staff");
  bot.as("王师傅")
      .in_private()
      .say("走访 3栋2单元 检查消防通道，已清理杂物")
      .should_reply_containing("已记录走访 #1：3栋2单元");
  auto ticket = bot.say("走访 3-2-1201 业主反映卫生间渗水 转工单");
  ticket.should_reply_containing("已记录走访 #2：3-2-1201").should_reply_containing("#1");
  auto t = bot.db().tickets.get(1);
  REQUIRE(t);
  CHECK(t->description == "业主反映卫生间渗水");
  CHECK(t->location == "3-2-1201");
  bot.clock().advance_ms(8 * 86'400'000);
  bot.say("走访 5栋 楼道灯已修好");
  bot.say("走访 的事情下周再说").should_reply_containing("用法：走访");
  bot.say("走访 楼下 看看").should_reply_containing("看不懂走访地点");
  bot.say("走访 3-2-1201 转工单").should_reply_containing("用法：走访");
  bot.as("王阿姨").in_group("业主群").say("走访 3栋 看看").should_be_silent();  // an owner's chat

  auto stats = bot.as("经理").in_private().say("走访统计 本月");
  stats.should_reply_containing("共 3 次，走访到 2/3 栋");
  stats.should_reply_containing("3栋：12-01起 2 次 · 12-08起 0 次");
  stats.should_reply_containing("5栋：12-01起 0 次 · 12-08起 1 次");
  stats.should_reply_containing("没有走访到：7栋");
  bot.as("王师傅").say("走访统计").should_reply_containing("需要");
}

TEST_CASE("resolved tickets wait for a return visit, and a visit recorded wrongly is corrected",
          "[commands][visits]") {
  test_bot bot;
  bot.as("王阿姨").in_private().say("报修 3-2-1201 厨房水管漏水");
  bot.as("李先生").say("报修 5栋 楼道灯不亮");
  bot.as("王师傅").say("接单 1");
  bot.say("完成 1 换了水管");
  bot.say("接单 2");
  bot.say("完成 2 换了灯泡");
  auto due = bot.as("经理").say("回访列表");
  due.should_reply_containing("等待回访的工单（2")
      .should_reply_containing("#1")
      .should_reply_containing("#2");
  bot.say("回访 1 满意 已电话回访").should_reply_containing("满意");
  bot.say("回访列表").should_not_contain("#1 ").should_reply_containing("#2");
  bot.say("回访 1 不满意 业主说还在滴水").should_reply_containing("不满意");
  auto t = bot.db().tickets.get(1);
  REQUIRE(t);
  CHECK(t->visit_result == domain::visit_result::unsatisfied);
}
