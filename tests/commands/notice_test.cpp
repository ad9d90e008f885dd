// Transcripts: staff post, schedule and recall notices; anyone finds them again; staff see where
// each one arrived.
#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/scratch_db.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

// Three owners' groups (3栋, 5栋 and the whole-community group) and a staff group, each heard once.
void make_notice_groups(test_bot& bot) {
  bot.as("管理员").in_group("3栋业主群").say("绑定小区 阳光花园 3栋");
  bot.in_group("5栋业主群").say("绑定小区 阳光花园 5栋");
  bot.in_group("阳光花园大群").say("绑定小区 阳光花园");
  bot.in_group("维修群").say("绑定小区 阳光花园 员工群");
}

std::int64_t outbox_rows(test_bot& bot, const std::string& ref) {
  return static_cast<std::int64_t>(bot.db().outbox.by_ref(ref).size());
}

}  // namespace

TEST_CASE("staff post a notice to every owners' group of the community", "[commands][notice]") {
  test_bot bot;
  make_notice_groups(bot);
  auto r = bot.as("王师傅").in_private().say("公告 停水通知 | 明天9:00-12:00 3栋停水检修");
  r.should_reply_containing("已发布公告 #1「停水通知」").should_reply_containing("3 个群");
  for (const char* g : {"3栋业主群", "5栋业主群", "阳光花园大群"}) {
    auto got = r.to(bot.group(g));
    INFO(g);
    REQUIRE(got.size() == 1);
    CHECK(got[0].shown.find("【物业公告 #1】停水通知") != std::string::npos);
    CHECK(got[0].shown.find("明天9:00-12:00 3栋停水检修") != std::string::npos);
    CHECK_FALSE(got[0].body.mention_all);
  }
  CHECK(r.to(bot.group("维修群")).empty());  // staff groups are not owners' groups
  for (const auto& row : bot.db().outbox.by_ref("notice:1")) CHECK(row.priority == storage::priority::notice);

  SECTION("the next one gets the next number, and the English alias works") {
    bot.say("/notice Lift maintenance | Saturday 9:00-12:00").should_reply_containing("Notice #2");
    CHECK(outbox_rows(bot, "notice:2") == 3);
  }
  SECTION("a notice without a title is fine") {
    auto n = bot.say("公告 周六上午小区消杀，请关好门窗");
    n.should_reply_containing("#2");
    CHECK(n.to(bot.group("5栋业主群"))[0].shown.find("【物业公告 #2】周六上午小区消杀") != std::string::npos);
  }
}

TEST_CASE("a building's notice reaches that building and the whole-community group, not other buildings",
          "[commands][notice]") {
  test_bot bot;
  make_notice_groups(bot);
  auto r = bot.as("王师傅").in_private().say("公告 3栋 停水通知 | 明天9:00-12:00停水检修");
  r.should_reply_containing("2 个群").should_reply_containing("3栋");
  CHECK(r.to(bot.group("3栋业主群")).size() == 1);
  CHECK(r.to(bot.group("阳光花园大群")).size() == 1);  // many owners are only in the big group
  CHECK(r.to(bot.group("5栋业主群")).empty());
  CHECK(r.to(bot.group("3栋业主群"))[0].shown.find("（3栋 · 再次查看：公告 1）") != std::string::npos);
}

TEST_CASE("an owner cannot post a notice, and the refusal says why and what to do instead",
          "[commands][notice][roles]") {
  test_bot bot;
  make_notice_groups(bot);
  auto r = bot.as("王阿姨").in_group("3栋业主群").say("公告 明天停水");
  r.should_reply_containing("只有物业工作人员可以发布公告").should_reply_containing("公告列表");
  CHECK(r.size() == 1);
  CHECK_FALSE(bot.db().notices.get(1));
  CHECK(outbox_rows(bot, "notice:1") == 0);
  // Staff-only words said bare are an owner's chat (no refusal); asked on purpose they are refused.
  bot.say("定时公告 2025-12-05 09:00 停水 | 明天").should_be_silent();
  bot.say("撤回公告 1").should_be_silent();
  bot.say("/定时公告 2025-12-05 09:00 停水 | 明天").should_reply_containing("只有物业工作人员可以发布公告");
  bot.say("@物业助手 撤回公告 1").should_reply_containing("只有物业工作人员可以撤回公告");
}

TEST_CASE("notice arguments that do not fit get a helpful answer and store nothing",
          "[commands][notice][parser]") {
  test_bot bot;
  make_notice_groups(bot);
  bot.as("王师傅").in_private();
  SECTION("nothing to post") {
    bot.say("公告").should_reply_containing("用法：公告");
  }
  SECTION("only a building") {
    bot.say("公告 3栋").should_reply_containing("用法");
  }
  SECTION("a title and no text") {
    bot.say("公告 | ").should_reply_containing("用法");
  }
  SECTION("a title over 40 characters") {
    bot.say("公告 " + std::string(41 * 3, 'x') + " | 正文").should_reply_containing("标题太长");
  }
  SECTION("a text over 600 characters") {
    std::string body;
    for (int i = 0; i < 601; ++i) body += "水";
    bot.say("公告 停水 | " + body).should_reply_containing("600 字以内");
  }
  SECTION("a bare word in a group is chat, not a command") {
    bot.in_group("维修群").say("公告").should_be_silent();
  }
  CHECK(bot.db().notices.count(1, true) == 0);
}

TEST_CASE("公告 said without / in the staff group waits for 确认发送, with a prefix it goes at once",
          "[commands][notice][parser]") {
  test_bot bot;
  make_notice_groups(bot);
  bot.as("王师傅").in_group("维修群").say("公告 一下明天的安排").should_reply_containing("将发送到");
  bot.say("公告 停水 | 明天停水")
      .should_reply_containing("将发送到")
      .should_reply_containing("回复“确认发送”");
  CHECK(bot.db().notices.count(1, true) == 0);
  bot.say("确认发送").should_reply_containing("已发布公告 #1「停水」");
  bot.say("/公告 明天停水").should_reply_containing("已发布公告 #2");
  bot.say("@物业助手 公告 后天停电").should_reply_containing("已发布公告 #3");
  bot.say("定时公告 明天 09:00 停气 | 检修").should_reply_containing("将发送到");
  bot.say("确认发送").should_reply_containing("已安排公告 #4");
}

TEST_CASE("without any owners' group a notice is refused rather than sent nowhere", "[commands][notice]") {
  test_bot bot;
  bot.as("管理员").in_group("维修群").say("绑定小区 阳光花园 员工群");
  bot.as("王阿姨").in_group("钓鱼爱好者群").say("今天收获不错");  // heard, never registered
  bot.as("王师傅").in_private().say("公告 停水 | 明天").should_reply_containing("还没有登记的业主群");
  bot.say("定时公告 12-02 09:00 停水 | 明天")
      .should_reply_containing("还没有登记的业主群")
      .should_reply_containing("绑定小区 名称");
  CHECK_FALSE(bot.db().notices.get(1));
}

TEST_CASE("anyone can list, read and search notices, so one lost in chat is found", "[commands][notice]") {
  test_bot bot;
  make_notice_groups(bot);
  bot.as("王师傅").in_private().say("公告 停水通知 | 明天9:00-12:00 3栋停水检修");
  bot.say("公告 5栋 电梯保养 | 周六上午5栋电梯停运");
  bot.as("王阿姨").in_group("3栋业主群");
  auto list = bot.say("公告列表");
  list.should_reply_containing("共 2 条").should_reply_containing("#2").should_reply_containing(
      "电梯保养 · 5栋");
  list.should_reply_containing("#1").should_reply_containing("停水通知");
  bot.say("公告 1").should_reply_containing("【物业公告 #1】停水通知").should_reply_containing("3栋停水检修");
  bot.say("公告 1").should_not_contain("送达");  // delivery figures are for staff
  bot.say("查看公告 2").should_reply_containing("周六上午5栋电梯停运");
  auto found = bot.say("搜索公告 停水");
  found.should_reply_containing("#1").should_not_contain("#2");
  bot.say("搜索公告 电梯 周六").should_reply_containing("#2");
  bot.say("搜索公告 燃气").should_reply_containing("没有找到包含“燃气”的公告");
  bot.say("公告 99").should_reply_containing("没有找到公告 #99");
  bot.say("/notices").should_reply_containing("Latest notices (2 in all)");
  bot.say("/notice search water").should_reply_containing("No notice mentions");

  SECTION("staff also see how far it got") {
    bot.as("王师傅").in_private().say("公告 1").should_reply_containing("已送达 3/3 个群");
  }
}

TEST_CASE("a scheduled notice goes out at its time, from a job row", "[commands][notice][scheduler]") {
  test_bot bot;  // the manual clock starts at 2025-12-01 08:00 Beijing time
  make_notice_groups(bot);
  auto r = bot.as("王师傅").in_private().say("定时公告 2025-12-02 09:00 停水通知 | 今天9:00-12:00停水");
  r.should_reply_containing("已安排公告 #1「停水通知」于 2025-12-02 09:00");
  CHECK(r.size() == 1);  // nothing went to the groups yet
  REQUIRE(bot.db().jobs.pending("notice.publish", "notice:1").size() == 1);

  bot.as("王阿姨").in_group("3栋业主群").say("公告列表").should_reply_containing("还没有公告");
  bot.say("公告 1").should_reply_containing("没有找到公告 #1");
  bot.as("王师傅").in_private().say("公告列表").should_reply_containing("定时 12-02 09:00");

  bot.clock().advance_minutes(24 * 60 + 59);
  CHECK(bot.run_jobs().size() == 0);  // 08:59 the next day
  bot.clock().advance_minutes(1);
  auto out = bot.run_jobs();
  CHECK(out.size() == 3);
  CHECK(out.to(bot.group("5栋业主群"))[0].shown.find("【物业公告 #1】停水通知") != std::string::npos);
  CHECK(bot.db().notices.get(1)->published_at == bot.clock().now_ms());
  bot.clock().advance_minutes(60);
  CHECK(bot.run_jobs().size() == 0);  // once
}

TEST_CASE("a scheduled notice recalled before its time never goes out", "[commands][notice][scheduler]") {
  test_bot bot;
  make_notice_groups(bot);
  bot.as("王师傅").in_private().say("定时公告 12-02 09:00 停水 | 今天停水").should_reply_containing("#1");
  bot.say("撤回公告 1").should_reply_containing("定时公告 #1 已取消");
  bot.clock().advance_minutes(2 * 24 * 60);
  CHECK(bot.run_jobs().size() == 0);
  CHECK(bot.db().outbox.by_ref("notice:1").empty());
}

TEST_CASE("scheduling needs a future time that reads as a date and time", "[commands][notice][parser]") {
  test_bot bot;
  make_notice_groups(bot);
  bot.as("王师傅").in_private();
  bot.say("定时公告 2025-11-30 09:00 停水 | 明天").should_reply_containing("已经过去了");
  bot.say("定时公告 明天 9点 停水 | 明天").should_reply_containing("是上午还是晚上");
  bot.say("定时公告 明天 09:00 停水 | 明天").should_reply_containing("已安排");
  bot.say("定时公告 12月10日上午9点 停电 | 检修").should_reply_containing("已安排");
  bot.say("定时公告 下周三 晚上7点 业主大会 | 会所").should_reply_containing("已安排");
  bot.say("定时公告 2025-02-30 09:00 停水 | 明天").should_reply_containing("用法");
  bot.say("定时公告 2027-12-01 09:00 停水 | 明天").should_reply_containing("最多提前一年");
  bot.say("定时公告 2025-12-02 09:00").should_reply_containing("用法");
  bot.say("/notice at 2025-12-02T09:00 Water | off tomorrow").should_reply_containing("will go out");
}

TEST_CASE("recall takes a notice back where the platform can and corrects it where it cannot",
          "[commands][notice][recall]") {
  test_bot bot;
  bot.add_platform("qq", true);  // recall-capable, like OneBot
  make_notice_groups(bot);       // console groups: no recall
  bot.on("qq").register_group("QQ业主群");
  bot.on("console");
  auto posted = bot.as("王师傅").in_private().say("公告 停水通知 | 明天停水");
  posted.should_reply_containing("4 个群");
  auto qq_row = bot.db().outbox.by_ref("notice:1");
  std::string qq_message_id;
  for (const auto& row : qq_row)
    if (row.target.platform == "qq") qq_message_id = row.platform_message_id;
  REQUIRE_FALSE(qq_message_id.empty());

  auto r = bot.say("撤回公告 1");
  r.should_reply_containing("公告 #1 已撤回：1 个群撤回原消息，3 个群发送更正");
  auto qq = r.to({"qq", "", bot::chat_kind::group, "QQ业主群"});
  REQUIRE(qq.size() == 1);
  CHECK(qq[0].body.recall_id == qq_message_id);
  auto corrected = r.to(bot.group("5栋业主群"));
  REQUIRE(corrected.size() == 1);
  CHECK(corrected[0].shown.find("【更正】物业公告 #1「停水通知」已撤回") != std::string::npos);

  bot.say("撤回公告 1").should_reply_containing("已经撤回过了");
  bot.say("公告 1 送达")  // what became of the recall, after the notice itself
      .should_reply_containing("撤回公告 #1 送达情况：已送达 1/1 个群")
      .should_reply_containing("公告 #1 的更正 送达情况：已送达 3/3 个群");
  bot.as("王阿姨").in_group("3栋业主群").say("公告 1").should_reply_containing("公告 #1 已于");
  bot.say("公告 1").should_not_contain("明天停水");
  bot.say("公告列表").should_reply_containing("（已撤回）");
  bot.say("搜索公告 停水").should_reply_containing("没有找到");
}

TEST_CASE("a recall the platform refuses becomes a correction in that group", "[commands][notice][recall]") {
  test_bot bot;
  bot.add_platform("qq", true);
  bot.on("qq").register_group("QQ业主群");
  bot.as("王师傅").on("console").in_private().say("公告 停水通知 | 明天停水");
  bot.answer_with("qq", [](const bot::delivery& row) {
    if (!row.body.recall_id.empty())
      return bot::send_result{
          bot::send_result::status::failed, "", "retcode 200: message too old to recall", {}};
    return bot::send_result{bot::send_result::status::sent, "qq-" + std::to_string(row.id), {}, {}};
  });
  auto r = bot.say("撤回公告 1");
  auto qq = r.to({"qq", "", bot::chat_kind::group, "QQ业主群"});
  REQUIRE(qq.size() == 1);
  CHECK(qq[0].shown.find("【更正】物业公告 #1") != std::string::npos);
}

TEST_CASE("recalling a notice that has not reached every group stops the rest",
          "[commands][notice][recall]") {
  test_bot bot(R"(
[outbox.platforms.onebot]
per_second = 1
burst = 1
)");
  bot.add_platform("onebot");
  for (const char* g : {"QQ一群", "QQ二群", "QQ三群"}) bot.on("onebot").register_group(g);
  auto posted = bot.as("王师傅").on("console").in_private().say("公告 停水 | 明天停水");
  CHECK(posted.size() == 2);  // the reply and one group: the account allows one message a second
  auto r = bot.say("撤回公告 1");
  r.should_reply_containing("1 个群发送更正").should_reply_containing("2 个群尚未发出、已停止");
  bot.clock().advance_ms(10'000);
  auto later = bot.drain();
  CHECK_FALSE(later.contains("明天停水"));
  bot.say("公告 1 送达")
      .should_reply_containing("已送达 1/3 个群")
      .should_reply_containing("未发出（已撤回）");
}

TEST_CASE("the delivery report says per group what arrived, what waits and why, and what failed",
          "[commands][notice][delivery]") {
  test_bot bot(R"(
[outbox]
max_attempts = 3
backoff_initial_ms = 60000
[outbox.platforms.webhook]
per_second = 0.1
burst = 1
)");
  bot.add_platform("qq");
  bot.add_platform("webhook");
  bot.add_platform("down");
  for (const char* g : {"QQ好群", "QQ坏群", "QQ忙群"}) bot.on("qq").register_group(g);
  for (const char* g : {"慢群一", "慢群二"}) bot.on("webhook").register_group(g);
  bot.on("down").register_group("断线群");
  bot.set_connected("down", false);
  bot.answer_with("qq", [](const bot::delivery& row) {
    if (row.target.id == "QQ坏群")
      return bot::send_result{
          bot::send_result::status::failed, "", "retcode 1200: bot removed from group", {}};
    if (row.target.id == "QQ忙群")
      return bot::send_result{bot::send_result::status::retry, "", "HTTP 503", {}};
    return bot::send_result{bot::send_result::status::sent, "qq-msg-" + std::to_string(row.id), {}, {}};
  });
  bot.as("王师傅").on("console").in_private().say("公告 停水 | 明天停水");
  auto report = bot.say("公告 1 送达");
  INFO(report.text());
  report.should_reply_containing("已送达 2/6 个群 · 等待 3 · 失败 1");
  report.should_reply_containing("✓ QQ好群：已送达").should_reply_containing("qq-msg-");
  report.should_reply_containing("✗ QQ坏群：发送失败（retcode 1200: bot removed from group）");
  report.should_reply_containing("… QQ忙群：上次失败（HTTP 503），").should_reply_containing("第 2 次重试");
  report.should_reply_containing("… 慢群").should_reply_containing("限速排队中，预计");
  report.should_reply_containing("… 断线群：等待中，平台适配器未连接");
  report.should_not_contain("✓ QQ坏群").should_not_contain("✓ QQ忙群").should_not_contain("✓ 断线群");
  bot.say("/notice 1 delivery").should_reply_containing("Notice #1 delivery: delivered to 2/6 groups");

  SECTION("a row waiting for staff confirmation on WeCom shows as held") {
    auto rows = bot.db().outbox.by_ref("notice:1");
    bot.db().database.exec("UPDATE outbox SET state = 'held' WHERE id = " + std::to_string(rows.back().id));
    bot.say("公告 1 送达").should_reply_containing("等待工作人员在企业微信中确认发送");
  }
  SECTION("owners cannot see delivery reports") {
    bot.as("王阿姨").say("公告 1 送达").should_reply_containing("只有物业工作人员可以查看");
  }
  SECTION("the failing group holds back nobody, and the retried one arrives later") {
    bot.answer_with("qq", {});
    bot.clock().advance_minutes(2);
    bot.drain();
    bot.say("公告 1 送达").should_reply_containing("✓ QQ忙群：已送达");
  }
}
