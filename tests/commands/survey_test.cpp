// Transcripts: a satisfaction survey from the manager's start to the published results, as owners
// answer it item by item in private chat — interrupted by other commands, by days and by a
// restart — and as managers read its figures.
#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/scratch_db.hpp"
#include "support/temp_dir.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

constexpr const char* survey_roster =
    "楼栋,单元,房号,面积,业主,电话\n"
    "1,1,101,100,王芳,13800001234\n"
    "1,1,201,100,李强,13900005678\n"
    "2,1,101,100,赵敏,13700009999\n"
    "2,1,102,100,孙丽,13600001111\n";

// 2025-12-20 18:00 in Beijing.
constexpr std::int64_t deadline = 1'766'224'800'000;
constexpr std::int64_t survey_hour = 3'600'000;

void set_up_survey(test_bot& bot) {
  bot.import_roster(survey_roster);
  bot.register_group("1栋业主群", "1");
  bot.register_group("阳光花园大群");
  bot.as("王阿姨").in_private().say("绑定 1-1-101 1234");
  bot.as("李先生").in_private().say("绑定 1-1-201 5678");
  bot.as("赵女士").in_private().say("绑定 2-1-101 9999");
}

bot::chat_ref survey_direct(const std::string& who) {
  return {"console", "", bot::chat_kind::direct, who};
}

int counted(test_bot& bot, int survey, int position, const char* column) {
  return static_cast<int>(testing::sql_int(
      bot.db().database,
      std::string("SELECT ") + column + " FROM survey_items WHERE survey_id = ? AND position = ?", survey,
      position));
}

}  // namespace

TEST_CASE(
    "owners answer a survey item by item, other commands and a restart in between, and the "
    "manager reads and publishes the results",
    "[commands][surveys]") {
  testing::temp_dir dir;
  const std::string path = dir.file("estatebot.sqlite3");
  {
    test_bot bot("", path);
    set_up_survey(bot);
    auto opened = bot.as("经理").in_private().say("发起调查 2025下半年满意度 截止 2025-12-20 18:00");
    opened.should_reply_containing("已发起满意度调查 #1「2025下半年满意度」：9 项，已私信邀请 3 位业主");
    auto invite = opened.to(survey_direct("王阿姨"));
    REQUIRE(invite.size() == 1);
    CHECK(invite[0].shown.find("【满意度调查 #1】2025下半年满意度") != std::string::npos);
    CHECK(invite[0].shown.find("第 1/9 项：客户服务") != std::string::npos);
    CHECK(opened.to(survey_direct("赵女士")).size() == 1);
    CHECK(opened.to(survey_direct("孙丽")).empty());  // not bound: not invited
    auto announced = opened.to(bot.group("阳光花园大群"));
    REQUIRE(announced.size() == 1);
    CHECK(announced[0].shown.find("已私信邀请已绑定房号的业主") != std::string::npos);

    bot.as("王阿姨").in_private().say("5").should_reply_containing("第 2/9 项：维修时效");
    bot.say("４分").should_reply_containing("第 3/9 项：保洁");
    // Something else in between: a repair is a repair, and the survey waits where it was.
    bot.say("报修 1-1-101 厨房水管漏水").should_reply_containing("#1");
    bot.say("八").should_reply_containing("分数是 1 到 5").should_reply_containing("第 3/9 项：保洁");
    bot.say("厨房的水管什么时候来修").should_reply_containing("第 3/9 项：保洁");
    bot.say("跳过").should_reply_containing("第 4/9 项：绿化");
    for (const char* s : {"4", "3", "2", "5", "4", "3"}) bot.say(s);
    bot.say("电梯太慢了，周末保洁也少").should_reply_containing("调查 #1 已完成");
    bot.say("5").should_reply_containing("发送“帮助”查看全部");  // finished: a number is no longer a score
    CHECK(counted(bot, 1, 0, "n5") == 1);
    CHECK(counted(bot, 1, 1, "n4") == 1);
    CHECK(counted(bot, 1, 2, "skipped") == 1);

    // In a group, a number is chat, not an answer.
    bot.as("李先生").in_group("1栋业主群").say("3").should_be_silent();
    CHECK(counted(bot, 1, 0, "n3") == 0);
    bot.as("李先生").in_private().say("3").should_reply_containing("第 2/9 项");
    bot.say("2").should_reply_containing("第 3/9 项");
  }
  // The process stops; 李先生 goes on where he was.
  test_bot bot("", path);
  bot.clock().advance_ms(24 * survey_hour);
  // A day later a bare number is no answer (it may rate a ticket); 调查 1 picks the survey up again.
  bot.as("李先生").in_private().say("1").should_reply_containing("发送“帮助”查看全部");
  CHECK(counted(bot, 1, 2, "n1") == 0);
  bot.as("李先生")
      .in_private()
      .say("调查 1")
      .should_reply_containing("继续调查 #1（已答 2 项）")
      .should_reply_containing("第 3/9 项：保洁");
  bot.say("1").should_reply_containing("第 4/9 项：绿化");
  CHECK(counted(bot, 1, 0, "n3") == 1);
  CHECK(counted(bot, 1, 1, "n2") == 1);
  CHECK(counted(bot, 1, 2, "n1") == 1);

  // Staff see progress, not scores; owners see neither.
  bot.as("王师傅").say("调查 1").should_reply_containing("邀请 3 位业主，已完成 1（33.3%），答了一部分 1");
  bot.as("王阿姨").say("调查 1 结果").should_reply_containing("只有物业经理");
  bot.as("王阿姨").say("调查 1").should_reply_containing("您已完成调查 #1");
  bot.as("孙丽").say("调查 1").should_reply_containing("请已绑定房号的业主参与");

  // While it runs, turnout only: asking twice would show what the one owner in between gave.
  auto running = bot.as("经理").say("调查 1 结果");
  running.should_reply_containing("参与：完成 1/3（33.3%），答了一部分 1");
  running.should_reply_containing("· 1栋：完成 1/2（50.0%），答了一部分 1");
  running.should_reply_containing("· 2栋：完成 0/1（0.0%）");
  running.should_reply_containing("截止后可看").should_not_contain("客户服务");
  bot.say("调查 1 意见").should_reply_containing("截止后可看").should_not_contain("电梯太慢");
  bot.say("公示调查 1 增加保洁").should_reply_containing("截止后再公示");

  // Two days before the deadline those who have not finished get the question they stopped at.
  bot.clock().set(deadline - 48 * survey_hour);
  auto reminded = bot.run_jobs();
  auto to_li = reminded.to(survey_direct("李先生"));
  REQUIRE(to_li.size() == 1);
  CHECK(to_li[0].shown.find("您已答 3/9 项") != std::string::npos);
  CHECK(to_li[0].shown.find("第 4/9 项：绿化") != std::string::npos);
  REQUIRE(reminded.to(survey_direct("赵女士")).size() == 1);
  CHECK(reminded.to(survey_direct("王阿姨")).empty());
  bot.as("赵女士").in_private().say("好的稍后").should_reply_containing("第 1/9 项：客户服务");

  bot.clock().set(deadline + survey_hour);
  bot.as("李先生").say("4").should_reply_containing("发送“帮助”查看全部");  // closed: not counted
  CHECK(counted(bot, 1, 3, "n4") == 1);                                     // 王阿姨's only
  bot.say("调查 1").should_reply_containing("已于 2025-12-20 18:00 截止");

  auto report = bot.as("经理").say("调查 1 结果");
  report.should_reply_containing("客户服务：4.00　5分 1·4分 0·3分 1");
  report.should_reply_containing("保洁：1.00　5分 0·4分 0·3分 0·2分 0·1分 1·跳过 1");
  report.should_reply_containing("业主意见 1 条");
  bot.say("调查 1 意见").should_reply_containing("1. 电梯太慢了，周末保洁也少");
  // Asked in an owners' group, the figures and comments go to the manager privately.
  auto in_group = bot.in_group("1栋业主群").say("调查 1 意见");
  CHECK(in_group.to(bot.group("1栋业主群")).size() <= 1);
  for (const auto& m : in_group.to(bot.group("1栋业主群")))
    CHECK(m.shown.find("电梯太慢") == std::string::npos);
  REQUIRE(in_group.to(survey_direct("经理")).size() == 1);
  CHECK(in_group.to(survey_direct("经理"))[0].shown.find("电梯太慢") != std::string::npos);
  bot.in_private();

  auto published = bot.as("经理").say("公示调查 1 一、保洁：周末增加一班；二、3-2-1201 反映的漏水已处理。");
  published.should_reply_containing("已向 2 个业主群公示调查 #1");
  auto pub = published.to(bot.group("1栋业主群"));
  REQUIRE(pub.size() == 1);
  CHECK(pub[0].shown.find("【满意度调查 #1 结果公示】2025下半年满意度") != std::string::npos);
  CHECK(pub[0].shown.find("邀请 3 户业主，完成 1 户（33.3%）") != std::string::npos);
  CHECK(pub[0].shown.find("· 客户服务 4.00") != std::string::npos);
  CHECK(pub[0].shown.find("周末增加一班") != std::string::npos);
  CHECK(pub[0].shown.find("1201") == std::string::npos);
  bot.say("调查列表").should_reply_containing("#1 2025下半年满意度（已截止");
}

TEST_CASE("the next survey shows each item's change, and the dialogue follows the owner's language",
          "[commands][surveys]") {
  test_bot bot("[surveys]\nitems = [\"保洁\", \"停车\"]\nitems_en = [\"Cleaning\", \"Parking\"]\n");
  set_up_survey(bot);
  bot.as("经理").in_private().say("发起调查 上半年 截止 2025-12-05 18:00");
  bot.as("王阿姨").say("3");
  bot.say("2");
  bot.say("跳过");
  bot.clock().set(1'764'928'800'000 + survey_hour);  // after 2025-12-05 18:00
  bot.as("经理").say("发起调查 下半年 截止 2025-12-20 18:00").should_reply_containing("2 项");
  bot.as("王阿姨").say("5").should_reply_containing("第 2/2 项：停车");
  bot.say("2");
  bot.say("跳过").should_reply_containing("调查 #2 已完成");
  bot.as("李先生").say("/survey 2").should_reply_containing("Item 1/2: Cleaning");
  bot.say("4 stars").should_reply_containing("Item 2/2: Parking");
  bot.say("skip").should_reply_containing("Last: anything else");
  bot.say("More bins please").should_reply_containing("Survey #2 done");
  bot.as("王阿姨").say("调查 2").should_reply_containing("您已完成调查 #2");
  bot.clock().set(1'766'224'800'000 + survey_hour);  // after 2025-12-20 18:00
  auto report = bot.as("经理").say("调查 2 结果");
  // Overall (4.50 + 2.00) / 2; its change over the items scored both times: 3.25 − 2.50.
  report.should_reply_containing("综合得分：3.25（+0.75）");
  report.should_reply_containing("保洁：4.50（+1.50）");
  report.should_reply_containing("停车：2.00（0.00）");
  bot.say("调查 2 意见").should_reply_containing("More bins please");
}

TEST_CASE("an owner who binds a room after the start joins the survey", "[commands][surveys]") {
  test_bot bot;
  set_up_survey(bot);
  bot.as("经理").in_private().say("发起调查 下半年");  // the default: open [surveys] days
  bot.as("孙丽").in_group("阳光花园大群").say("调查 1").should_reply_containing("请已绑定房号的业主参与");
  bot.as("孙丽").in_private().say("绑定 2-1-102 1111");
  auto joined = bot.as("孙丽").in_group("阳光花园大群").say("调查 1");
  joined.should_reply_containing("已私信您调查 #1 的题目");
  auto privately = joined.to(survey_direct("孙丽"));
  REQUIRE(privately.size() == 1);
  CHECK(privately[0].shown.find("第 1/9 项：客户服务") != std::string::npos);
  bot.as("孙丽").in_private().say("5").should_reply_containing("第 2/9 项");
  bot.as("经理").say("调查 1").should_reply_containing("邀请 4 位业主");
  bot.as("经理").say("调查列表").should_reply_containing("#1 下半年（进行中，2025-12-15 08:00 截止）");
}

TEST_CASE("surveys refuse what they cannot do", "[commands][surveys]") {
  test_bot bot;
  set_up_survey(bot);
  bot.as("王阿姨").in_private().say("发起调查 满意度").should_reply_containing("经理");
  bot.as("经理").say("发起调查").should_reply_containing("用法");
  bot.say("发起调查 满意度 截止 2025-11-30 18:00").should_reply_containing("已经过去");
  bot.say("调查 9").should_reply_containing("没有找到调查 #9");
  bot.say("调查 9 结果").should_reply_containing("没有找到调查 #9");
  bot.say("发起调查 满意度 截止 2025-12-20 18:00");
  bot.say("调查 1 作废").should_reply_containing("用法");
  bot.say("公示调查 1").should_reply_containing("用法");
  // Asked with no number, an owner gets the survey they are in, from where they stand.
  bot.as("王阿姨")
      .say("调查")
      .should_reply_containing("【满意度调查 #1】满意度")
      .should_reply_containing("第 1/9 项");
  bot.say("4");
  bot.say("调查").should_reply_containing("继续调查 #1（已答 1 项）").should_reply_containing("第 2/9 项");
}
