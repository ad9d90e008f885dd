// 派单 / 转单 name a colleague with a platform @ (a QQ @ picked from the member list): the bot
// resolves it by user id first, whatever name the @ shows (a nickname, a card with spaces, only a
// number), and by display name otherwise. Transcripts through the in-process test bot.
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

std::int64_t assignee(test_bot& bot) {
  return bot.db().tickets.get(1)->assignee_id.value_or(0);
}
std::int64_t member(test_bot& bot, const std::string& id) {
  return bot.db().members.find("console", id)->id;
}

}  // namespace

TEST_CASE("派单 with an @ that shows a nickname finds the colleague by user id", "[tickets][staff]") {
  test_bot bot;
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 马桶堵了");
  bot.as("李师傅").in_group("维修群").say("大家好");
  bot.as("经理").in_group("维修群");
  // Typed, "@老李" is nobody: the bot knows him as 李师傅.
  bot.say("派单 1 @老李 今天去").should_reply_containing("不认识“老李”");
  CHECK(assignee(bot) == 0);
  // Picked from the member list, the same text carries his user id.
  bot.say("派单 1 @老李 今天去", {{"李师傅", "老李"}}).should_reply_containing("已把工单 #1 派给李师傅");
  CHECK(assignee(bot) == member(bot, "李师傅"));
  bot.as("王阿姨").in_group("3栋业主群").say("工单 1").should_not_contain("老李");
}

TEST_CASE("转单 with an @ of a name with spaces keeps the reason apart", "[tickets][staff]") {
  test_bot bot;
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 马桶堵了");
  bot.as("王师傅").in_group("维修群").say("接单 1");
  auto r = bot.say("转单 1 @李 师傅 我今天在5栋", {{"李师傅", "李 师傅"}});
  // 李师傅 never spoke: the config lists him as staff, so his user id is enough.
  r.should_reply_containing("已把工单 #1 转给李 师傅");
  CHECK(assignee(bot) == member(bot, "李师傅"));
  bot.as("李师傅").say("工单 1").should_reply_containing("我今天在5栋").should_not_contain("师傅 我今天");
}

TEST_CASE("an @ of someone who is not staff, or of a stranger, is refused with the name shown",
          "[tickets][staff]") {
  test_bot bot;
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 马桶堵了");
  bot.as("张先生").in_group("3栋业主群").say("今天天气不错");
  bot.as("经理").in_group("维修群");
  bot.say("派单 1 @张先生", {{"张先生", "张先生"}}).should_reply_containing("不是物业工作人员");
  bot.say("派单 1 @2233445566", {{"2233445566", ""}}).should_reply_containing("不认识“2233445566”");
  bot.say("/派单 1 @").should_reply_containing("用法");  // an @ with no name
  CHECK(assignee(bot) == 0);
}
