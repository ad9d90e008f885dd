// Transcripts: polls (one answer per person) and secret votes, whose ballots cannot be traced back
// to a room or a person from the database, even across a restart.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "storage/stores.hpp"
#include "support/scratch_db.hpp"
#include "support/temp_dir.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

const std::string relay_key = "[suggestions]\nrelay_key = \"" + std::string(64, 'c') + "\"\n";

constexpr const char* poll_roster =
    "楼栋,单元,房号,面积,业主,电话\n"
    "1,1,101,100,王芳,13800001234\n"
    "1,1,102,100,王芳,13800001234\n"
    "1,1,201,100,李强,13900005678\n";

void poll_groups(test_bot& bot) {
  bot.register_group("1栋业主群", "1");
  bot.register_group("2栋业主群", "2");
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("a poll: one answer per person from its groups, changeable, several options when allowed",
          "[commands][votes]") {
  test_bot bot;
  poll_groups(bot);
  bot.as("经理")
      .in_private()
      .say("发起投票 1栋 周末活动 | 烧烤 | 电影 | 爬山 截止 明天 20:00 多选")
      .should_reply_containing("已发起投票 #1")
      .should_reply_containing("1 个群");
  auto cast = bot.as("张三").in_group("1栋业主群").say("投票 1 1,3");
  cast.should_reply_containing("已收到 1 票");
  CHECK(cast.text().find("烧烤") == std::string::npos);
  // A changed ballot is a ballot like any other to the group.
  bot.say("投票 1 电影").should_reply_containing("已收到 1 票").should_not_contain("替换");
  bot.as("李四").say("投票 1 电影、爬山");
  bot.as("王五").in_group("2栋业主群").say("投票 1 1").should_reply_containing("给其他楼栋或群的业主的");
  bot.as("路人").in_private().say("投票 1 1").should_reply_containing("给其他楼栋或群的业主的");
  // Someone heard in the building's group may answer privately.
  bot.as("赵六").in_group("1栋业主群").say("大家好");
  bot.in_private().say("投票 1 爬山").should_reply_containing("您选择「爬山」");
  bot.as("张三")
      .say("投票 1")
      .should_reply_containing("已有 3 人投票")
      .should_reply_containing("您的选票：电影");

  bot.clock().advance_ms(2 * 86'400'000);
  auto result = bot.run_jobs().to(bot.group("1栋业主群"));
  REQUIRE(result.size() == 1);
  CHECK(result[0].shown.find("已有 3 人投票") != std::string::npos);
  CHECK(result[0].shown.find("烧烤：0 人（0.0%）") != std::string::npos);
  CHECK(result[0].shown.find("电影：2 人（66.6%）") != std::string::npos);
  CHECK(result[0].shown.find("爬山：2 人（66.6%）") != std::string::npos);
}

TEST_CASE("English commands open and answer a poll", "[commands][votes][english]") {
  test_bot bot;
  poll_groups(bot);
  bot.as("经理")
      .in_private()
      .say("/new vote Pest control day | Saturday | Sunday until tomorrow 6pm")
      .should_reply_containing("Poll #1 \"Pest control day\" is open");
  bot.as("Tom").in_group("1栋业主群").say("/vote 1 sunday").should_reply_containing("1 ballot(s) received");
  bot.as("Tom").in_private().say("/vote 1").should_reply_containing("Your ballot: Sunday");
  bot.say("/votes").should_reply_containing("#1 Pest control day (open until");
}

TEST_CASE("a secret assembly vote keeps no link from a ballot to its room, and a restart loses no change",
          "[commands][votes][privacy]") {
  testing::temp_dir dir;
  const std::string path = dir.file("estatebot.sqlite3");
  {
    test_bot bot(relay_key, path);
    bot.import_roster(poll_roster);
    poll_groups(bot);
    bot.as("王阿姨").in_private().say("绑定 1-1-101 1234");
    bot.say("绑定 1-1-102 1234");
    bot.as("李先生").say("绑定 1-1-201 5678");
    bot.as("经理").say("发起投票 更换电梯 截止 2025-12-20 18:00 事项 5 匿名").should_reply_containing("3 户");
    // Said in a group, a secret ballot would publish its owner's choice: it is refused, not stored.
    bot.as("王阿姨").in_group("1栋业主群").say("投票 1 同意").should_reply_containing("请私聊我投票");
    CHECK(bot.db().votes.ballots(1).empty());
    auto cast = bot.in_private().say("投票 1 同意");
    cast.should_reply_containing("2 户选择「同意」");
    // What the owner chose reached them, and no outbox row keeps it.
    CHECK(testing::sql_int(bot.db().database,
                           "SELECT count(*) FROM outbox WHERE sealed_target IS NOT NULL") == 0);
    CHECK(bot.db().votes.room(1, 1)->voted_at == bot.db().votes.get(1)->created_at);  // voted, not when
  }
  {
    SQLite::Database raw(path);
    SQLite::Statement q(raw, "SELECT slot, choices, cast_by, cast_at FROM vote_ballots");
    int rows = 0;
    while (q.executeStep()) {
      ++rows;
      CHECK(q.getColumn(0).getString().size() == 64);  // a keyed hash, not "unit:1"
      CHECK(q.getColumn(2).isNull());
      CHECK(q.getColumn(3).isNull());
    }
    CHECK(rows == 2);
  }
  test_bot bot(relay_key, path);
  bot.as("王阿姨").in_private().say("投票 1 反对").should_reply_containing("已替换");
  bot.say("投票 1").should_reply_containing("已投票 2/3 户").should_reply_containing("1-1-101 反对");
  bot.as("李先生").say("投票 1 同意");
  bot.clock().set(1'766'224'800'000 + 60'000);
  auto result = bot.run_jobs().to(bot.group("1栋业主群"));
  REQUIRE(result.size() == 1);
  CHECK(result[0].shown.find("反对：2 户，面积 200.00 m²（占参与的 66.6%），1 人（占参与的 50.0%）") !=
        std::string::npos);
  auto details = bot.as("经理").say("投票 1 明细");
  details.should_reply_containing("只显示参与情况").should_not_contain("反对");
  auto exported = bot.say("投票导出 1");
  exported.should_reply_containing("3 张选票");
  const std::string csv = read_file(dir.file("exports/vote-1.csv"));
  CHECK(csv.find("1,1,101,100.00,是") != std::string::npos);
  CHECK(csv.find("匿名选票") != std::string::npos);
  for (const char* who : {"王阿姨", "李先生", "王芳", "李强"}) {
    INFO(who);
    CHECK(csv.find(who) == std::string::npos);
  }
}

TEST_CASE("after the relay key changed, a secret ballot is not cast twice", "[commands][votes][privacy]") {
  testing::temp_dir dir;
  const std::string path = dir.file("estatebot.sqlite3");
  {
    test_bot bot(relay_key, path);
    bot.import_roster(poll_roster);
    poll_groups(bot);
    bot.as("李先生").in_private().say("绑定 1-1-201 5678");
    bot.as("经理").say("发起投票 更换电梯 截止 2025-12-20 18:00 事项 5 匿名");
    bot.as("李先生").say("投票 1 同意").should_reply_containing("1 户选择「同意」");
  }
  test_bot bot("[suggestions]\nrelay_key = \"" + std::string(64, 'd') + "\"\n", path);
  bot.as("李先生").in_private().say("投票 1 反对").should_reply_containing("密钥已更换");
  bot.say("投票 1").should_reply_containing("已投票 1/3 户");
}
