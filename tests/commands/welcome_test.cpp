// Transcripts: newcomers in a registered owners' group are welcomed with how to bind and get help;
// a burst of joins gets one welcome naming everyone; at most one welcome per group per 10 minutes.
#include <catch2/catch.hpp>

#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

constexpr std::int64_t gather_ms = 30'000;

void join(test_bot& bot, const std::string& group, const std::string& who) {
  bot.core().dispatch.handle(bot::member_joined{bot.group(group), {"console", who, who}});
}

test_bot& registered(test_bot& bot, const std::string& group,
                     const std::string& how = "绑定小区 阳光花园 3栋") {
  bot.as("管理员").in_group(group).say(how).should_reply_containing("已登记");
  return bot;
}

}  // namespace

TEST_CASE("welcome: a newcomer gets how to bind and how to ask for help", "[commands][welcome]") {
  test_bot bot;
  registered(bot, "3栋业主群");
  join(bot, "3栋业主群", "小刘");
  bot.drain().should_be_silent();  // a moment to gather others who join with them
  bot.clock().advance_ms(gather_ms);
  auto r = bot.run_jobs();
  REQUIRE(r.size() == 1);
  CHECK(r.all[0].target == bot.group("3栋业主群"));
  r.should_reply_containing("@小刘").should_reply_containing("阳光花园").should_reply_containing("绑定");
  r.should_reply_containing("帮助");
  CHECK(r.all[0].body.mentions.at(0).user_id == "小刘");
}

TEST_CASE(
    "welcome: a burst of joins gets one welcome naming everyone, and a repeated join is not counted twice",
    "[commands][welcome]") {
  test_bot bot;
  registered(bot, "3栋业主群");
  for (const char* who : {"小刘", "小陈", "老赵"}) join(bot, "3栋业主群", who);
  join(bot, "3栋业主群", "小陈");  // NapCat reports some joins twice
  bot.clock().advance_ms(gather_ms);
  auto r = bot.run_jobs();
  REQUIRE(r.size() == 1);
  CHECK(r.all[0].body.mentions.size() == 3);
  CHECK(r.all[0].shown.find("@小刘 @小陈 @老赵") != std::string::npos);

  SECTION("the same join reported after the welcome is not welcomed again") {
    join(bot, "3栋业主群", "老赵");
    bot.clock().advance_minutes(30);
    bot.run_jobs().should_be_silent();
  }
  SECTION("someone joining soon after waits for the next welcome, 10 minutes after the last") {
    bot.clock().advance_minutes(2);
    join(bot, "3栋业主群", "小孙");
    bot.clock().advance_ms(gather_ms);
    bot.run_jobs().should_be_silent();
    join(bot, "3栋业主群", "小周");
    bot.clock().advance_minutes(8);
    auto next = bot.run_jobs();
    REQUIRE(next.size() == 1);
    next.should_reply_containing("@小孙 @小周").should_not_contain("小刘");
  }
}

TEST_CASE("welcome: a crowd is counted, not all @-mentioned", "[commands][welcome]") {
  test_bot bot;
  registered(bot, "3栋业主群");
  for (int i = 1; i <= 13; ++i) join(bot, "3栋业主群", "邻居" + std::to_string(i));
  bot.clock().advance_ms(gather_ms);
  auto r = bot.run_jobs();
  REQUIRE(r.size() == 1);
  CHECK(r.all[0].body.mentions.size() == 10);
  r.should_reply_containing("以及另外 3 位新邻居");
}

TEST_CASE("welcome: only registered owners' groups, in the group's language", "[commands][welcome]") {
  test_bot bot;
  join(bot, "闲聊群", "小刘");  // never registered
  registered(bot, "员工群", "绑定小区 阳光花园 员工群");
  join(bot, "员工群", "新同事");
  bot.clock().advance_ms(gather_ms);
  bot.run_jobs().should_be_silent();

  registered(bot, "Block 5", "绑定小区 阳光花园 5栋");
  bot.as("经理").in_group("Block 5").say("群语言 英文");
  join(bot, "Block 5", "Tom");
  bot.clock().advance_ms(gather_ms);
  bot.run_jobs()
      .should_reply_containing("@Tom")
      .should_reply_containing("Welcome to 阳光花园")
      .should_reply_containing("/help");
}
