// Transcripts on the manual clock: due times, escalation to managers (once, then again), automatic
// closing, and the three dispatch modes.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "bot/config.hpp"
#include "commands/all_commands.hpp"
#include "storage/stores.hpp"
#include "support/test_bot.hpp"
#include "support/vocabulary_strings.hpp"

using testing::test_bot;

namespace {

constexpr std::int64_t sla_minute = 60'000;

void set_up_sla_groups(test_bot& bot) {
  bot.as("管理员").in_group("维修群").say("绑定小区 阳光花园 员工群");
  bot.as("管理员").in_group("经理群").say("绑定小区 阳光花园 经理群");
  bot.as("李师傅").in_group("维修群").say("大家好");
  bot.as("王师傅").in_group("维修群").say("收到");
  bot.in_private();
}

// Runs the scheduler at `minutes` after `start` and returns what reached the managers' group.
std::vector<testing::sent_message> managers_at(test_bot& bot, std::int64_t start, std::int64_t minutes) {
  bot.clock().set(start + minutes * sla_minute);
  return bot.run_jobs().to(bot.group("经理群"));
}

}  // namespace

TEST_CASE("the reporter sees when to expect a response and a fix", "[tickets][sla]") {
  test_bot bot;  // the manual clock starts at 2025-12-01 08:00 in UTC+8
  bot.as("王阿姨")
      .say("报修 3-2-1201 厨房水管漏水")
      .should_reply_containing("预计 30 分钟内响应（12-01 08:30 前）")
      .should_reply_containing("当天修复");
  bot.say("报修 3-2-1201 楼道灯不亮")
      .should_reply_containing("24 小时内响应（12-02 08:00 前）")
      .should_reply_containing("12-04 08:00 前处理完毕");
  auto t = bot.db().tickets.get(1);
  CHECK(*t->resolve_due_at == bot.clock().now_ms() + (15 * 60 + 59) * sla_minute);  // 23:59 local
  bot.say("工单 2")
      .should_reply_containing("应响应：12-02 08:00")
      .should_reply_containing("应完成：12-04 08:00");
  // The timer is a row in the jobs table, so a restart loses none.
  CHECK(bot.db().jobs.pending("ticket.sla", "1").size() == 1);
}

TEST_CASE("an overdue ticket is escalated to the managers once, then again, then no more", "[tickets][sla]") {
  test_bot bot;
  set_up_sla_groups(bot);
  const std::int64_t start = bot.clock().now_ms();
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 厨房水管漏水");

  CHECK(managers_at(bot, start, 29).empty());
  auto first = managers_at(bot, start, 31);
  REQUIRE(first.size() == 1);
  CHECK(first[0].shown.find("【工单逾期 #1】3栋2单元 · 漏水（紧急）· 待受理 · 负责人：未分配") !=
        std::string::npos);
  CHECK(first[0].shown.find("应于 12-01 08:30 前响应，已超时 1 分钟") != std::string::npos);
  CHECK(first[0].shown.find("派单 1 @同事") != std::string::npos);
  CHECK(first[0].shown.find("1201") == std::string::npos);
  CHECK(bot.db().tickets.get(1)->escalation == 1);

  CHECK(managers_at(bot, start, 90).empty());  // told once
  auto second = managers_at(bot, start, 31 + 120);
  REQUIRE(second.size() == 1);
  CHECK(second[0].shown.find("再次提醒") != std::string::npos);
  CHECK(bot.db().tickets.get(1)->escalation == 2);
  CHECK(managers_at(bot, start, 24 * 60).empty());  // and no more

  bot.as("经理").in_group("经理群").say("逾期工单").should_reply_containing("#1");
  auto d = bot.say("工单 1");
  d.should_reply_containing("系统 逾期，已通知经理").should_reply_containing("系统 仍逾期，再次通知经理");
}

TEST_CASE("many tickets late at once make one message, not a flood", "[tickets][sla]") {
  test_bot bot;
  set_up_sla_groups(bot);
  for (int i = 0; i < 12; ++i)
    bot.as("业主" + std::to_string(i)).say("报修 3-2-120" + std::to_string(i % 10) + " 漏水了");
  bot.clock().advance_minutes(31);  // e.g. the service was down for half an hour
  auto r = bot.run_jobs();
  auto managers = r.to(bot.group("经理群"));
  REQUIRE(managers.size() == 1);
  CHECK(managers[0].shown.find("12 个工单同时超过时限：#1 #2 #3") != std::string::npos);
  for (int id = 1; id <= 12; ++id) CHECK(bot.db().tickets.get(id)->escalation == 1);
  bot.clock().advance_minutes(120);
  r = bot.run_jobs();
  REQUIRE(r.to(bot.group("经理群")).size() == 1);  // the second round is summed up too
  CHECK(bot.db().tickets.get(12)->escalation == 2);
}

TEST_CASE("a ticket answered in time is escalated only when its fix is late", "[tickets][sla]") {
  test_bot bot;
  set_up_sla_groups(bot);
  const std::int64_t start = bot.clock().now_ms();
  bot.as("王阿姨").say("报修 3-2-1201 厨房水管漏水");
  bot.clock().set(start + 10 * sla_minute);
  bot.as("李师傅").in_group("维修群").say("接单 1");

  CHECK(managers_at(bot, start, 31).empty());
  CHECK(managers_at(bot, start, 8 * 60).empty());
  auto late = managers_at(bot, start, 16 * 60);  // 00:00 local: the same-day fix is late
  REQUIRE(late.size() == 1);
  CHECK(late[0].shown.find("负责人：李师傅") != std::string::npos);
  CHECK(late[0].shown.find("应于 12-01 23:59 前完成") != std::string::npos);
  CHECK(late[0].shown.find("转单 1 @同事") != std::string::npos);

  SECTION("a resolved ticket is not escalated again") {
    bot.as("李师傅").in_group("维修群").say("完成 1 换了水管");
    CHECK(managers_at(bot, start, 16 * 60 + 121).empty());
  }
}

TEST_CASE("ticket traffic never takes the emergency lane", "[tickets][sla][outbox]") {
  test_bot bot;
  set_up_sla_groups(bot);
  // During a power cut every 报修 停电 is urgent: its staff notice must not compete with the
  // broadcast that tells everyone at once.
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 停电了，电梯里有人被困");
  for (int i = 0; i < 5; ++i)
    bot.as("业主" + std::to_string(i)).say("报修 3-1-10" + std::to_string(i) + " 停电了");
  bot.clock().advance_minutes(31);
  bot.run_jobs();  // escalations, summed up
  for (const char* ref : {"ticket:1", "ticket:6", "tickets:overdue"}) {
    auto rows = bot.db().outbox.by_ref(ref);
    INFO(ref);
    REQUIRE_FALSE(rows.empty());
    for (const auto& row : rows) CHECK(row.priority == storage::priority::reply);
  }
  CHECK(bot.db().tickets.get(1)->priority == domain::ticket_priority::urgent);
}

TEST_CASE("without a managers' group, escalations go to the staff group", "[tickets][sla]") {
  test_bot bot;
  bot.as("管理员").in_group("维修群").say("绑定小区 阳光花园 员工群");
  bot.as("王阿姨").in_private().say("报修 3-2-1201 厨房水管漏水");
  bot.clock().advance_minutes(31);
  bot.run_jobs().to(bot.group("维修群")).at(0);
  CHECK(bot.db().tickets.get(1)->escalation == 1);
}

TEST_CASE("a resolved ticket closes by itself after the configured days", "[tickets][sla]") {
  test_bot bot;
  set_up_sla_groups(bot);
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 楼道灯不亮");
  bot.as("李师傅").in_group("维修群").say("接单 1");
  bot.say("完成 1 换了灯泡");
  const std::int64_t resolved = bot.clock().now_ms();
  CHECK(bot.db().jobs.pending("ticket.autoclose", "1").size() == 1);

  SECTION("after three days without objection") {
    bot.clock().set(resolved + 3 * 24 * 60 * sla_minute - sla_minute);
    bot.run_jobs();
    CHECK(bot.db().tickets.get(1)->state == domain::ticket_state::resolved);
    bot.clock().set(resolved + 3 * 24 * 60 * sla_minute);
    auto r = bot.run_jobs();
    auto owners = r.to(bot.group("3栋业主群"));
    REQUIRE(owners.size() == 1);
    CHECK(owners[0].shown.find("@王阿姨 工单 #1 已完成 3 天无异议，已自动关闭") != std::string::npos);
    auto t = bot.db().tickets.get(1);
    CHECK(t->state == domain::ticket_state::closed);
    CHECK(t->closed_at == bot.clock().now_ms());
    CHECK(bot.db().tickets.events(1).back().action == "auto_close");
  }
  SECTION("not after a reopen") {
    bot.as("王阿姨").in_group("3栋业主群").say("重开 1 还是不亮");
    CHECK(bot.db().jobs.pending("ticket.autoclose", "1").empty());
    bot.clock().set(resolved + 4 * 24 * 60 * sla_minute);
    bot.run_jobs();
    CHECK(bot.db().tickets.get(1)->state == domain::ticket_state::assigned);
  }
  SECTION("not after the owner confirmed") {
    bot.as("王阿姨").in_group("3栋业主群").say("确认 1").should_reply_containing("已关闭");
    CHECK(bot.db().jobs.pending("ticket.autoclose", "1").empty());
  }
}

TEST_CASE("SLA and the auto-close period come from the config", "[tickets][sla][config]") {
  test_bot bot(R"(
[tickets]
auto_close_days = 1
[tickets.sla]
normal = { respond_minutes = 120, resolve_minutes = 480 }
[tickets.sla.elevator]
urgent = { respond_minutes = 15, resolve_minutes = 240 }
)");
  bot.as("王阿姨")
      .say("报修 3-2-1201 楼道灯不亮")
      .should_reply_containing("2 小时内响应（12-01 10:00 前）")
      .should_reply_containing("12-01 16:00 前处理完毕");
  bot.say("报修 5栋电梯困人了")
      .should_reply_containing("15 分钟内响应")
      .should_reply_containing("12-01 12:00 前");
  bot.say("报修 3-2-1201 厨房漏水").should_reply_containing("30 分钟内响应");  // urgent, not elevator
}

TEST_CASE("manual dispatch: staff wait for a manager", "[tickets][dispatch]") {
  test_bot bot("[tickets.dispatch]\ndefault = \"manual\"\n");
  set_up_sla_groups(bot);
  auto r = bot.as("王阿姨").say("报修 3-2-1201 楼道灯不亮");
  CHECK(r.to(bot.group("维修群")).at(0).shown.find("待经理派单：派单 1 @同事") != std::string::npos);
  bot.as("李师傅").say("接单 1").should_reply_containing("由经理派单");
  CHECK(bot.db().tickets.get(1)->state == domain::ticket_state::new_);
  bot.as("经理").say("派单 1 @李师傅").should_reply_containing("派给李师傅");
  bot.as("李师傅").say("处理 1").should_reply_containing("处理中");
}

TEST_CASE("round robin among the staff on duty who serve the category", "[tickets][dispatch]") {
  test_bot bot("[tickets.dispatch]\nleak = \"round_robin\"\nelevator = \"round_robin\"\n");
  set_up_sla_groups(bot);
  auto li = bot.db().members.find("console", "李师傅")->id;
  auto wang = bot.db().members.find("console", "王师傅")->id;

  SECTION("nobody on duty: the ticket waits in the pool") {
    auto r = bot.as("王阿姨").say("报修 3-2-1201 厨房漏水");
    CHECK(r.to(bot.group("维修群")).at(0).shown.find("接单：接单 1") != std::string::npos);
    CHECK(bot.db().tickets.get(1)->state == domain::ticket_state::new_);
  }
  SECTION("on duty staff take turns, and 下班 takes one out") {
    bot.as("李师傅").say("上班").should_reply_containing("已上班，负责：全部类别");
    bot.as("王师傅").say("上班 漏水 电梯").should_reply_containing("负责：漏水、电梯");
    bot.say("值班").should_reply_containing("值班中（2 人）").should_reply_containing("王师傅：漏水、电梯");

    auto r = bot.as("王阿姨").say("报修 3-2-1201 厨房漏水");
    auto notice = r.to(bot.group("维修群")).at(0);
    CHECK(notice.body.mentions.at(0).user_id == "李师傅");
    CHECK(notice.shown.find("已轮派给您，请确认：接单 1") != std::string::npos);
    auto t = bot.db().tickets.get(1);
    CHECK(t->state == domain::ticket_state::assigned);
    CHECK(t->assignee_id == li);
    CHECK_FALSE(t->first_response_at);  // the machine's choice is no response yet

    bot.as("张先生").say("报修 5-1-301 卫生间漏水");
    CHECK(bot.db().tickets.get(2)->assignee_id == wang);
    bot.as("刘女士").say("报修 6-1-101 阳台漏水");
    CHECK(bot.db().tickets.get(3)->assignee_id == li);

    bot.as("李师傅").say("接单 1").should_reply_containing("已接单 #1");
    CHECK(bot.db().tickets.get(1)->first_response_at);
    bot.as("王师傅").say("接单 1").should_reply_containing("已由李师傅负责");

    bot.as("李师傅").say("下班").should_reply_containing("已下班");
    bot.as("刘女士").say("报修 6-1-101 厨房漏水");
    CHECK(bot.db().tickets.get(4)->assignee_id == wang);

    SECTION("a category nobody on duty serves waits in the pool") {
      bot.as("刘女士").say("报修 6-1-101 插座没电");  // water/power: default mode is grab
      CHECK(bot.db().tickets.get(5)->state == domain::ticket_state::new_);
    }
    SECTION("a ticket given back goes to the next one on duty, not back to the same") {
      bot.as("李师傅").say("上班");
      bot.as("王师傅").say("退单 4 需要换整根管").should_reply_containing("已退回");
      CHECK(bot.db().tickets.get(4)->assignee_id == li);
      CHECK(bot.db().tickets.get(4)->state == domain::ticket_state::assigned);
    }
  }
  SECTION("上班 with a word that is no category") {
    bot.as("李师傅").say("上班 修车").should_reply_containing("没有“修车”这个类别");
    CHECK_FALSE(bot.db().duty.get(li, bot.core().svc.default_community));
  }
}

TEST_CASE("bad ticket settings name the key", "[tickets][config]") {
  auto fails_with = [](const std::string& toml, const std::string& key) {
    INFO(toml);
    try {
      bot::config::parse(toml, "config", commands::config_checks());
      FAIL("accepted");
    } catch (const bot::config_error& e) {
      CHECK(std::string(e.what()).find(key) != std::string::npos);
    }
  };
  fails_with("[tickets.dispatch]\nleak = \"fastest\"\n", "tickets.dispatch.leak");
  fails_with("[tickets.dispatch]\nplumbing = \"grab\"\n", "tickets.dispatch.plumbing");
  fails_with("[tickets.sla]\nurgent = { respond_minutes = 0 }\n", "tickets.sla.urgent.respond_minutes");
  fails_with("[tickets.sla.elevator]\nurgnet = { respond_minutes = 10 }\n", "tickets.sla.elevator.urgnet");
  fails_with("[tickets]\nauto_close_days = \"3\"\n", "tickets.auto_close_days");
  fails_with("[tickets.offers]\nkeywords = \"坏了\"\n", "tickets.offers.keywords");
  fails_with("[suggestions]\nrelay_key = \"abc\"\n", "suggestions.relay_key");
  auto c = bot::config::parse("[tickets.sla.elevator]\nurgent = { respond_minutes = 15 }\n");
  CHECK(c.tickets.sla.at("elevator.urgent").respond_minutes == 15);
  CHECK(c.tickets.sla.at("elevator.urgent").resolve_minutes == 0);  // the rest from urgent
}

TEST_CASE("config.example.toml shows the ticket defaults", "[tickets][config]") {
  auto c = bot::config::load_file(std::string(ESTATEBOT_SOURCE_DIR) + "/config.example.toml");
  auto d = bot::config::defaults();
  CHECK(c.tickets.dispatch == d.tickets.dispatch);
  REQUIRE(c.tickets.sla.size() == d.tickets.sla.size());
  for (const auto& [key, target] : d.tickets.sla) {
    INFO(key);
    CHECK(c.tickets.sla.at(key).respond_minutes == target.respond_minutes);
    CHECK(c.tickets.sla.at(key).resolve_minutes == target.resolve_minutes);
  }
  CHECK(c.tickets.auto_close_days == d.tickets.auto_close_days);
  CHECK(c.tickets.urge_interval_minutes == d.tickets.urge_interval_minutes);
  CHECK(c.tickets.second_escalation_minutes == d.tickets.second_escalation_minutes);
  CHECK(c.tickets.offers.keywords == d.tickets.offers.keywords);
  CHECK(c.tickets.offers.ignore == d.tickets.offers.ignore);
  CHECK(c.tickets.offers.window_minutes == d.tickets.offers.window_minutes);
  CHECK(c.suggestions.relay_key.empty());
  CHECK(c.suggestions.per_day == d.suggestions.per_day);
  CHECK(c.suggestions.batch_minutes == d.suggestions.batch_minutes);
}

TEST_CASE("the relay key may come from the environment", "[suggestions][config]") {
  const std::string key(64, 'c');
  ::setenv("ESTATEBOT_SUGGESTIONS_RELAY_KEY", key.c_str(), 1);
  auto c = bot::config::parse("[suggestions]\nrelay_key = \"\"\n");
  ::setenv("ESTATEBOT_SUGGESTIONS_RELAY_KEY", "not hex", 1);
  CHECK_THROWS_AS(bot::config::parse(""), bot::config_error);
  ::unsetenv("ESTATEBOT_SUGGESTIONS_RELAY_KEY");
  CHECK(c.suggestions.relay_key == key);
}
