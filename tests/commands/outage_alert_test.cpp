// A platform that stays unreachable is told to managers once, with how many messages wait, and
// its end once; the messages themselves go out after it, none lost.
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

const bot::chat_ref outage_managers_group{"console", "", bot::chat_kind::group, "经理群"};

bot::send_result refused(const bot::delivery&) {
  return {bot::send_result::status::unreachable, "", "connect: Connection refused", {}};
}

bot::send_result delivered(const bot::delivery& row) {
  return {bot::send_result::status::sent, "qq-" + std::to_string(row.id), {}, {}};
}

}  // namespace

TEST_CASE("managers hear when a platform has been unreachable for ten minutes, and when it is back",
          "[commands][alert][outage]") {
  test_bot bot;
  bot.as("管理员").in_group("经理群").say("绑定小区 阳光花园 经理群");
  bot.add_platform("qq");
  bot.on("qq").register_group("3栋业主群");
  bot.answer_with("qq", refused);
  bot.on("console");
  auto posted = bot.as("王师傅").in_private().say("公告 停水 | 明天 9:00-12:00 停水");
  CHECK(posted.to(bot.on("qq").group("3栋业主群")).empty());
  bot.on("console");

  bot.clock().advance_ms(599'000);
  CHECK(bot.drain().to(outage_managers_group).empty());  // a short outage bothers nobody
  bot.clock().advance_ms(1'000);
  auto down = bot.drain().to(outage_managers_group);
  REQUIRE(down.size() == 1);
  CHECK(down[0].shown.find("【平台连接中断】qq") != std::string::npos);
  CHECK(down[0].shown.find("1 条消息在等待") != std::string::npos);
  CHECK(down[0].shown.find("Connection refused") != std::string::npos);
  CHECK(down[0].shown.find("自动补发") != std::string::npos);
  bot.clock().advance_ms(1'200'000);
  CHECK(bot.drain().to(outage_managers_group).empty());  // once per outage

  bot.answer_with("qq", delivered);
  bot.clock().advance_ms(30'000);
  auto back = bot.drain();
  auto owners = back.to(bot.on("qq").group("3栋业主群"));
  bot.on("console");
  REQUIRE(owners.size() == 1);
  CHECK(owners[0].shown.find("明天 9:00-12:00 停水") != std::string::npos);
  auto told = back.to(outage_managers_group);
  REQUIRE(told.size() == 1);
  CHECK(told[0].shown.find("【平台已恢复】qq") != std::string::npos);
  CHECK(told[0].shown.find("中断约 30 分钟") != std::string::npos);
  CHECK(bot.db().outbox.count_in_state("dead") == 0);
}

TEST_CASE("an outage alert reads in English for an English managers' group",
          "[commands][alert][outage][en]") {
  test_bot bot;
  bot.as("管理员").in_group("经理群").say("绑定小区 阳光花园 经理群");
  bot.as("管理员").in_group("经理群").say("群语言 英文");
  bot.add_platform("qq");
  bot.on("qq").register_group("3栋业主群");
  bot.answer_with("qq", refused);
  bot.on("console").as("王师傅").in_private().say("公告 停水 | 明天停水");
  bot.clock().advance_ms(600'000);
  auto down = bot.drain().to(outage_managers_group);
  REQUIRE(down.size() == 1);
  CHECK(down[0].shown.find("[Platform unreachable] qq") != std::string::npos);
  CHECK(down[0].shown.find("1 messages are waiting") != std::string::npos);
}
