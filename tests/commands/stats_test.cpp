// Transcripts: managers read a period's figures in chat — the common problems, response and fix
// times, low ratings, complaints against last year's and the goal, per-staff load — and the
// managers' group gets the daily digest and, on Mondays, the weekly one.
#include <catch2/catch.hpp>

#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

constexpr std::int64_t stats_hour = 3'600'000;
// Midnight UTC (08:00 in Beijing) of 2024-12-02 and 2025-12-02.
constexpr std::int64_t dec2_2024 = 1'733'097'600'000;
constexpr std::int64_t dec2_2025 = 1'764'633'600'000;

void set_up_stats_groups(test_bot& bot) {
  bot.as("管理员").in_group("维修群").say("绑定小区 阳光花园 员工群");
  bot.as("管理员").in_group("经理群").say("绑定小区 阳光花园 经理群");
  bot.as("李师傅").in_group("维修群").say("大家好");
  bot.in_private();
}

std::string digest_in(const testing::replies& r, const bot::chat_ref& group, std::string_view heading) {
  for (const auto& m : r.to(group))
    if (m.shown.find(heading) != std::string::npos) return m.shown;
  return {};
}

}  // namespace

TEST_CASE("a month's figures: problems, times, low ratings, complaints against last year, staff",
          "[commands][stats]") {
  test_bot bot;
  set_up_stats_groups(bot);
  bot.clock().set(dec2_2024 + 2 * stats_hour);
  for (const char* who : {"甲", "乙", "丙", "丁", "戊"})
    bot.as(who).in_private().say("投诉 楼下烧烤油烟太大");

  bot.clock().set(dec2_2025 + 2 * stats_hour);  // 2025-12-02 10:00 in Beijing
  bot.as("王阿姨").in_private().say("报修 3-2-1201 厨房水管漏水");
  bot.as("张先生").say("报修 3-1-502 卫生间漏水，厨房也渗水");
  bot.as("刘女士").say("报修 5-1-301 楼上漏水到我家厨房");
  for (const char* who : {"甲", "乙", "丙", "丁"}) bot.as(who).say("投诉 楼下烧烤油烟太大");
  bot.clock().advance_minutes(20);
  // Tickets #1–#5 are last year's complaints.
  bot.as("李师傅").in_group("维修群").say("接单 6");
  bot.clock().advance_minutes(120);
  bot.say("完成 6 换了水管");
  bot.as("王阿姨").in_private().say("评价 6 1 没修好");

  auto r = bot.as("经理").in_private().say("统计 本月");
  r.should_reply_containing("【统计 · 本月】");
  r.should_reply_containing("新增工单 7（报修 3 · 投诉 4 · 建议 0）");
  r.should_reply_containing("漏水 3（厨房）");
  r.should_reply_containing("其他 4（楼下烧烤油烟太大）");  // the words all four share, whole
  r.should_reply_containing("首次响应：中位 20 分");
  r.should_reply_containing("完成用时：中位 2 小时 20 分");
  r.should_reply_containing("评分 1.0（1 人）· 差评 1（100%）");
  r.should_reply_containing("投诉 4 件，比基准期（5 件）少 20%，已达到减少 20% 的目标");
  r.should_reply_containing("楼栋：3栋 2 · 5栋 1");

  bot.say("统计 员工 本月").should_reply_containing("李师傅：接单 1 · 完成 1 · 完成用时中位 2 小时 20 分");
  bot.say("统计 2025-12-01~2025-12-02").should_reply_containing("【统计 · 2025-12-01~2025-12-02】");
  bot.say("统计 2024-12").should_reply_containing("投诉 5");
  bot.say("统计 下个世纪").should_reply_containing("用法");
  bot.as("李师傅")
      .say("统计")
      .should_reply_containing("【我的统计 · 本周】")
      .should_reply_containing("接单 1");
  bot.as("王师傅").say("统计").should_reply_containing("没有派给您的工单");
  bot.as("王阿姨").say("统计 本月").should_not_contain("【统计");
}

TEST_CASE("a fixed baseline is scaled to the period asked about, and a shortfall is said plainly",
          "[commands][stats]") {
  test_bot bot("[stats]\nbaseline = \"2024-12-01~2024-12-10\"\n");
  set_up_stats_groups(bot);
  bot.clock().set(dec2_2024 + 2 * stats_hour);
  for (const char* who : {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"})
    bot.as(who).in_private().say("投诉 楼下烧烤油烟太大");
  bot.clock().set(dec2_2025 + 2 * stats_hour);
  for (const char* who : {"甲", "乙", "丙", "丁"}) bot.as(who).say("投诉 楼下烧烤油烟太大");
  bot.clock().set(dec2_2025 + 10 * 24 * stats_hour);
  // Ten days of the baseline had 10; five days are expected to have 5; 4 is 20% fewer.
  bot.as("经理")
      .say("统计 2025-12-01~2025-12-05")
      .should_reply_containing("投诉 4 件，比基准期（5 件）少 20%，已达到减少 20% 的目标");
  // Two days: 2 expected, 4 is twice as many.
  bot.say("统计 2025-12-01~2025-12-02").should_reply_containing("投诉 4 件，比基准期（2 件）多 100%");
}

TEST_CASE("the managers' group gets the daily digest, and on Monday the week's", "[commands][stats]") {
  test_bot bot("[stats]\ndigest_time = \"08:30\"\n");
  set_up_stats_groups(bot);
  bot.clock().set(dec2_2025 + 2 * stats_hour);
  bot.as("王阿姨").in_private().say("报修 3-2-1201 厨房水管漏水");
  bot.as("张先生").say("报修 3-1-502 卫生间漏水");
  bot.as("刘女士").say("投诉 楼下烧烤油烟太大");
  bot.as("李师傅").in_group("维修群").say("接单 1");
  bot.say("完成 1 换了水管");
  bot.as("王阿姨").in_private().say("评价 1 2");

  bot.clock().set(dec2_2025 + 24 * stats_hour + 30 * 60'000);  // 2025-12-03 08:30 in Beijing
  auto day = bot.run_jobs();
  const std::string daily = digest_in(day, bot.group("经理群"), "【日报 · 12-02】");
  REQUIRE_FALSE(daily.empty());
  CHECK(daily.find("新增 3（报修 2 · 投诉 1 · 建议 0）· 当天完成 1") != std::string::npos);
  // #2 (a leak) waited past its 30 minutes; #3 (a complaint) is within its day.
  CHECK(daily.find("目前未完成 2 · 已逾期 1") != std::string::npos);
  CHECK(daily.find("#1 差评 2 星") != std::string::npos);
  CHECK(day.to(bot.group("维修群")).size() < day.size());  // the staff group gets no digest
  CHECK(digest_in(day, bot.group("维修群"), "【日报").empty());

  bot.clock().set(dec2_2025 + 6 * 24 * stats_hour + 30 * 60'000);  // Monday 2025-12-08 08:30
  auto monday = bot.run_jobs();
  const std::string weekly = digest_in(monday, bot.group("经理群"), "【周报 · 12-01 至 12-07】");
  REQUIRE_FALSE(weekly.empty());
  CHECK(weekly.find("新增 3（前一周 0，无可比）") != std::string::npos);
  CHECK(weekly.find("常见问题：漏水 2") != std::string::npos);
  CHECK_FALSE(digest_in(monday, bot.group("经理群"), "【日报 · 12-07】").empty());  // two open tickets
}

TEST_CASE("an empty period says so, and a day ends at local midnight", "[commands][stats]") {
  test_bot bot;
  set_up_stats_groups(bot);
  auto empty = bot.as("经理").in_private().say("统计 2024-06");
  empty.should_reply_containing("新增工单 0（报修 0 · 投诉 0 · 建议 0）");
  empty.should_reply_containing("常见问题：（无）");
  empty.should_reply_containing("首次响应：（无）");
  empty.should_reply_containing("评分 （无）（0 人）· 差评 0（0%）");
  empty.should_reply_containing("投诉 0 件（基准期没有投诉记录，无法比较）");

  // 23:30 and 00:30 in Beijing are 15:30 and 16:30 UTC of the same UTC day.
  bot.clock().set(dec2_2025 + 15 * stats_hour + 30 * 60'000);
  bot.as("王阿姨").say("报修 3-2-1201 厨房水管漏水");
  bot.clock().advance_minutes(60);
  bot.as("张先生").say("报修 3-1-502 插座没电");
  bot.as("经理").say("统计 2025-12-02").should_reply_containing("新增工单 1（报修 1");
  bot.say("统计 2025-12-03").should_reply_containing("新增工单 1（报修 1");
  bot.say("统计 今天").should_reply_containing("新增工单 1（报修 1");
  bot.say("统计 昨天").should_reply_containing("新增工单 1（报修 1");
  bot.say("统计 2025-12-02~2025-12-03").should_reply_containing("新增工单 2（报修 2");
}
