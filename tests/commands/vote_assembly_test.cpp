// Transcripts: an owners' assembly vote (Art. 278) from the manager's announcement to the result,
// as owners in the group and in private chat see it.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "storage/stores.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

// Five rooms of 100 m²; 王芳 owns two, 赵敏's room has two co-owners bound to it, 孙丽 is not bound.
constexpr const char* assembly_roster =
    "楼栋,单元,房号,面积,业主,电话\n"
    "1,1,101,100,王芳,13800001234\n"
    "1,1,102,100,王芳,13800001234\n"
    "1,1,201,100,李强,13900005678\n"
    "1,2,101,100,赵敏,13700009999\n"
    "2,1,101,100,孙丽,13600001111\n";

constexpr const char* open_lift_vote =
    "发起投票 是否更换1栋电梯 | 同意 | 反对 | 弃权 截止 2025-12-20 18:00 类型 表决 事项 5";

void set_up_assembly(test_bot& bot) {
  bot.import_roster(assembly_roster);
  bot.register_group("1栋业主群", "1");
  bot.register_group("阳光花园大群");
  bot.as("王阿姨").in_private().say("绑定 1-1-101 1234");
  bot.say("绑定 1-1-102 1234");
  bot.as("李先生").say("绑定 1-1-201 5678");
  bot.as("赵女士").say("绑定 1-2-101 9999");
  bot.as("钱先生").say("绑定 1-2-101 9999");
}

bot::chat_ref assembly_direct(const std::string& who) {
  return {"console", "", bot::chat_kind::direct, who};
}

// 2025-12-20 18:00 in Beijing has passed.
void pass_deadline(test_bot& bot) {
  bot.clock().set(1'766'224'800'000 + 60'000);
}

}  // namespace

TEST_CASE("an assembly vote: announced, cast in the group without showing how, counted by area and owners",
          "[commands][votes]") {
  test_bot bot;
  set_up_assembly(bot);
  auto opened = bot.as("经理").in_private().say(open_lift_vote);
  opened.should_reply_containing("已发起业主大会表决 #1")
      .should_reply_containing("5 户")
      .should_reply_containing("2 个群");
  for (const char* g : {"1栋业主群", "阳光花园大群"}) {
    auto got = opened.to(bot.group(g));
    INFO(g);
    REQUIRE(got.size() == 1);
    CHECK(got[0].shown.find("【业主投票 #1】是否更换1栋电梯") != std::string::npos);
    CHECK(got[0].shown.find("第5项（使用建筑物及其附属设施的维修资金）") != std::string::npos);
    CHECK(got[0].shown.find("投票 1 同意") != std::string::npos);
  }

  // 王阿姨 votes for both her rooms in the group: the group learns a ballot came, not what it said.
  auto in_group = bot.as("王阿姨").in_group("1栋业主群").say("投票 1 同意");
  in_group.should_reply_containing("已收到 2 票");
  CHECK(in_group.size() == 1);
  CHECK(in_group.text().find("同意") == std::string::npos);
  bot.as("李先生").in_private().say("投票 1 反对").should_reply_containing("1 户选择「反对」");

  auto progress = bot.as("孙女士").in_group("阳光花园大群").say("投票 1");
  progress.should_reply_containing("已投票 3/5 户").should_reply_containing("面积 300.00/500.00 m²（60.0%）");
  progress.should_reply_containing("业主 2/4 人（50.0%）").should_reply_containing("还没有达到");
  progress.should_not_contain("反对：").should_not_contain("1201");

  // In private the owner sees their own ballot, room by room.
  bot.as("王阿姨").in_private().say("投票 1").should_reply_containing("您的选票：1-1-101 同意；1-1-102 同意");

  pass_deadline(bot);
  auto closed = bot.run_jobs();
  auto result = closed.to(bot.group("1栋业主群"));
  REQUIRE(result.size() == 1);
  const std::string& r = result[0].shown;
  CHECK(r.find("【投票结果 #1】是否更换1栋电梯") != std::string::npos);
  CHECK(r.find("已投票 3/5 户") != std::string::npos);
  // 3 of 4 owners took part, but only 60% of the area: no quorum, whatever the ballots said.
  CHECK(r.find("参与不足 2/3，表决无效") != std::string::npos);
  CHECK(r.find("同意：2 户，面积 200.00 m²（占参与的 66.6%），1 人（占参与的 50.0%）") != std::string::npos);
  CHECK(closed.to(bot.group("阳光花园大群")).size() == 1);

  bot.as("李先生").in_private().say("投票 1 同意").should_reply_containing("投票 #1 已经截止");
  bot.say("投票列表").should_reply_containing("#1 是否更换1栋电梯（参与不足 2/3，表决无效）");
}

TEST_CASE("a co-owned room has one ballot: the last cast counts and the other co-owner is told",
          "[commands][votes]") {
  test_bot bot;
  set_up_assembly(bot);
  bot.as("经理").in_private().say(open_lift_vote);
  bot.as("赵女士").say("投票 1 同意").should_reply_containing("其他共有人");
  auto second = bot.as("钱先生").say("投票 1 反对");
  second.should_reply_containing("已替换您之前的选票").should_reply_containing("1 户选择「反对」");
  auto told = second.to(assembly_direct("赵女士"));
  REQUIRE(told.size() == 1);
  CHECK(told[0].shown.find("另一位共有人投出") != std::string::npos);
  CHECK(told[0].shown.find("反对") == std::string::npos);  // the choice is not passed around
  bot.as("赵女士")
      .say("投票 1")
      .should_reply_containing("1-2-101 反对")
      .should_reply_containing("已投票 1/5 户");

  // Everyone votes; a changed ballot moves its weight instead of adding one.
  bot.as("王阿姨").say("投票 1 1");
  bot.as("王阿姨").say("投票 1 1-1-102 反对").should_reply_containing("已替换");
  bot.as("李先生").say("投票 1 同意");
  pass_deadline(bot);
  auto result = bot.run_jobs().to(bot.group("1栋业主群"));
  REQUIRE(result.size() == 1);
  // 4 of 5 rooms (80% of the area), 3 of 4 owners: valid. 王芳's rooms split 100/100: she takes
  // part but approves nothing; approval is 200 m² of 400 and 1 owner of 3: not more than half.
  CHECK(result[0].shown.find("已投票 4/5 户") != std::string::npos);
  CHECK(result[0].shown.find("同意：2 户，面积 200.00 m²（占参与的 50.0%），1 人（占参与的 33.3%）") !=
        std::string::npos);
  CHECK(result[0].shown.find("结果：未通过") != std::string::npos);
}

TEST_CASE("who may vote for which room, and what a manager may ask", "[commands][votes]") {
  test_bot bot;
  set_up_assembly(bot);
  bot.as("经理").in_private().say(open_lift_vote);
  bot.as("孙女士").in_private().say("投票 1 同意").should_reply_containing("需要先绑定房屋");
  auto not_theirs = bot.as("李先生").in_group("1栋业主群").say("投票 1 1-1-101 同意");
  not_theirs.should_reply_containing("只能为自己绑定的房屋投票").should_not_contain("101");
  bot.say("投票 1 也许")
      .should_reply_containing("没有这个选项")
      .should_reply_containing("1.同意  2.反对  3.弃权");
  bot.say("投票 1 1,2").should_reply_containing("只能选一项");
  bot.say("投票 9").should_reply_containing("没有找到投票 #9");
  bot.say("投票的事大家怎么看").should_be_silent();
  bot.say("投票 1 明细").should_reply_containing("只有物业经理可以查看");
  bot.say("发起投票 停车 | 是 | 否 截止 明天 18:00").should_be_silent();  // an owner's bare chat
  bot.say("/发起投票 停车 | 是 | 否 截止 明天 18:00").should_reply_containing("需要");

  bot.as("李先生").say("投票 1 同意");
  auto details = bot.as("经理").in_private().say("投票 1 明细");
  details.should_reply_containing("1栋：已投票 1/4 户").should_reply_containing("2栋：已投票 0/1 户");
  details.should_reply_containing("截止后显示");
}

TEST_CASE("opening a vote: what the manager typed wrong is named, with an example", "[commands][votes]") {
  test_bot bot;
  set_up_assembly(bot);
  bot.as("经理").in_private();
  bot.say("发起投票 换电梯 | 同意 | 反对 截止 2025-12-20 18:00 类型 表决")
      .should_reply_containing("第278条的第几项");
  bot.say("发起投票 换电梯 | 同意 | 反对 截止 明天7点").should_reply_containing("是上午还是晚上");
  bot.say("发起投票 换电梯 | 同意 | 反对 截止 2025-11-20 18:00").should_reply_containing("已经过去了");
  bot.say("发起投票 换电梯 | 同意 | 反对").should_reply_containing("请写上截止时间");
  bot.say("发起投票 换电梯 | 同意 截止 明天 18:00").should_reply_containing("选项需要 2 到 10 个");
  bot.say("发起投票 换电梯 截止 明天 18:00 事项 10").should_reply_containing("应为 1 到 9");
  bot.say("发起投票 换电梯 截止 明天 18:00 事项 6 多选").should_reply_containing("不能多选");
  bot.say("发起投票 换电梯 截止 明天 18:00 事项 6 匿名").should_reply_containing("relay_key");
  CHECK_FALSE(bot.db().votes.get(1));
  // Without options it offers 同意 | 反对 | 弃权; a building's vote counts that building's rooms.
  bot.say("发起投票 1栋 更换电梯 截止 12月20日 事项 6")
      .should_reply_containing("4 户")
      .should_reply_containing("2025-12-20 23:59");
  auto v = bot.db().votes.get(1);
  REQUIRE(v);
  CHECK(v->options == std::vector<std::string>{"同意", "反对", "弃权"});
  CHECK(v->building == "1");
}

TEST_CASE("where the community's rules say so, unreturned ballots follow the majority, raw counts stay",
          "[commands][votes]") {
  test_bot bot;
  set_up_assembly(bot);
  bot.as("经理").in_private().say("投票规则").should_reply_containing("不计入（默认）");
  bot.say("投票规则 随多数 开").should_reply_containing("随已投票的多数意见计入");
  bot.say(open_lift_vote).should_reply_containing("随已投票的多数意见计入");
  bot.as("王阿姨").say("投票 1 同意");
  bot.as("李先生").say("投票 1 同意");
  pass_deadline(bot);
  auto result = bot.run_jobs().to(bot.group("1栋业主群"));
  REQUIRE(result.size() == 1);
  const std::string& r = result[0].shown;
  CHECK(r.find("已投票 3/5 户") != std::string::npos);  // the raw count
  CHECK(r.find("未投票的 2 户（面积 200.00 m²，2 人）随多数计入同意") != std::string::npos);
  CHECK(r.find("结果：通过") != std::string::npos);
}

TEST_CASE("reminders reach the owners of rooms that have not voted, privately, groups get counts only",
          "[commands][votes]") {
  test_bot bot;
  set_up_assembly(bot);
  bot.as("经理").in_private().say(open_lift_vote);
  bot.as("王阿姨").say("投票 1 同意");
  auto r = bot.as("经理").say("投票提醒 1");
  r.should_reply_containing("3 户未投票")
      .should_reply_containing("私信了 3 位")
      .should_reply_containing("1 户没有人绑定");
  for (const char* who : {"李先生", "赵女士", "钱先生"}) CHECK(r.to(assembly_direct(who)).size() == 1);
  CHECK(r.to(assembly_direct("王阿姨")).empty());
  auto group = r.to(bot.group("1栋业主群"));
  REQUIRE(group.size() == 1);
  CHECK(group[0].shown.find("还有 3 户未投票（1栋 2 户、2栋 1 户）") != std::string::npos);
  CHECK(group[0].shown.find("201") == std::string::npos);
}

TEST_CASE("the ballots export for the record names rooms, owners and choices of a named vote",
          "[commands][votes]") {
  test_bot bot;
  set_up_assembly(bot);
  bot.as("经理").in_private().say(open_lift_vote);
  bot.as("李先生").say("投票 1 反对");
  auto r = bot.as("经理").say("投票导出 1");
  r.should_reply_containing("1 张选票").should_reply_containing("vote-1.csv");
  const std::string path = r.text().substr(r.text().find('/'));
  std::ifstream in(path.substr(0, path.find_first_of("\n")));
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(ss.str().find("1,1,201,100.00,李强,李先生,反对,") != std::string::npos);
  CHECK(ss.str().find("2,1,101,100.00,孙丽,,,") != std::string::npos);
}

TEST_CASE("votes are seen and managed only within their community", "[commands][votes]") {
  test_bot bot;
  set_up_assembly(bot);
  bot.as("经理").in_private().say(open_lift_vote);
  bot.as("管理员").in_group("翠苑业主群").say("绑定小区 翠苑");
  bot.as("路人").in_group("翠苑业主群").say("投票 1").should_reply_containing("没有找到投票 #1");
  // Settings in a part of their own, and the deadline written 截止到.
  bot.as("经理")
      .in_private()
      .say("发起投票 停车费 | 同意 | 反对 | 截止到 12月20日 18:00")
      .should_reply_containing("已发起投票 #2");
  bot.say("发起表决 换物业 截止 12月20日 18:00").should_reply_containing("第278条的第几项");
}
