// Transcripts: a power cut from the first broadcast to the all-clear (SCENARIOS.md §3), owners'
// acknowledgements, reminders, refusals and templates.
#include <catch2/catch.hpp>

#include "bot/texts.hpp"
#include "storage/stores.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

constexpr const char* emergency_duty_phone = R"(
[emergency]
duty_phone = "400-800-1234"
)";

void make_emergency_groups(test_bot& bot) {
  bot.as("管理员").in_group("3栋业主群").say("绑定小区 阳光花园 3栋");
  bot.in_group("5栋业主群").say("绑定小区 阳光花园 5栋");
  bot.in_group("阳光花园大群").say("绑定小区 阳光花园");
}

// Building 3 has two units of two households; each owner binds one flat and talks in 3栋业主群.
void make_households(test_bot& bot) {
  bot.import_roster(
      "3,1,101,90.00,张一,13800001111\n3,1,102,90.00,张二,13800002222\n"
      "3,2,201,90.00,李一,13800003333\n3,2,202,90.00,李二,13800004444\n"
      "5,1,101,90.00,王五,13800005555\n");
  const std::pair<const char*, const char*> owners[] = {
      {"张一", "绑定 3-1-101 1111"}, {"张二", "绑定 3-1-102 2222"}, {"李一", "绑定 3-2-201 3333"}};
  for (const auto& [name, bind] : owners) {
    bot.as(name).in_private().say(bind).should_reply_containing("绑定成功");
    bot.in_group("3栋业主群").say("大家好");
  }
}

}  // namespace

TEST_CASE("a power cut: broadcast first, acknowledgements, progress, reminder, all-clear",
          "[commands][emergency]") {
  test_bot bot(emergency_duty_phone);
  make_emergency_groups(bot);
  make_households(bot);

  auto start = bot.as("王师傅").in_private().say("紧急 停电 3栋 配电箱故障，预计 18:00 恢复");
  start.should_reply_containing("已发布紧急通知 #1（停电 · 3栋），优先发送到 2 个群");
  CHECK(start.to(bot.group("5栋业主群")).empty());
  for (const char* g : {"3栋业主群", "阳光花园大群"}) {
    auto got = start.to(bot.group(g));
    INFO(g);
    REQUIRE(got.size() == 1);
    CHECK(got[0].body.mention_all);
    CHECK(got[0].shown.find("@全体成员 【紧急通知 #1】停电 · 3栋") != std::string::npos);
    CHECK(got[0].shown.find("配电箱故障，预计 18:00 恢复") != std::string::npos);
    CHECK(got[0].shown.find("电梯已停用") != std::string::npos);
    CHECK(got[0].shown.find("收到请回复“收到”") != std::string::npos);
    CHECK(got[0].shown.find("400-800-1234") != std::string::npos);
  }
  for (const auto& row : bot.db().outbox.by_ref("emergency:1"))
    CHECK(row.priority == storage::priority::emergency);

  // Owners answer; a bare 收到 in the group is recorded without a reply.
  bot.as("张一").in_group("3栋业主群").say("收到").should_be_silent();
  bot.as("李一").in_group("3栋业主群").say("收到，谢谢").should_be_silent();
  bot.as("路人甲").in_group("阳光花园大群").say("收到").should_be_silent();
  bot.as("张一").in_group("3栋业主群").say("收到").should_be_silent();  // twice is once
  CHECK(bot.db().emergencies.ack_count(1) == 3);

  auto acks = bot.as("王师傅").in_private().say("紧急 1 确认情况");
  acks.should_reply_containing("紧急通知 #1 停电 · 3栋 · 进行中");
  acks.should_reply_containing("已确认 2/4 户（50%）");
  acks.should_reply_containing("3栋：1单元 1/2 · 2单元 1/2");
  // Per group, against the owners heard there: 管理员 (who registered both groups) is not asked to
  // acknowledge and is not counted, just as reminders leave staff out.
  acks.should_reply_containing("3栋业主群 2/3").should_reply_containing("阳光花园大群 1/1");

  bot.clock().advance_minutes(40);
  auto progress = bot.say("进展 1 抢修中，预计 17:30 恢复");
  progress.should_reply_containing("已发送到 2 个群");
  CHECK(progress.to(bot.group("3栋业主群"))[0].shown.find(
            "【紧急通知 #1 进展】停电：抢修中，预计 17:30 恢复") != std::string::npos);
  CHECK_FALSE(progress.to(bot.group("3栋业主群"))[0].body.mention_all);

  auto remind = bot.say("提醒 1");
  remind.should_reply_containing("已在 2 个群再次提醒紧急通知 #1");
  auto in_3 = remind.to(bot.group("3栋业主群"));
  REQUIRE(in_3.size() == 1);
  std::vector<std::string> mentioned;
  for (const auto& m : in_3[0].body.mentions) mentioned.push_back(m.user_id);
  // 张二 has not answered; 张一 and 李一 have, and 管理员 is staff.
  CHECK(mentioned == std::vector<std::string>{"张二"});
  CHECK(in_3[0].shown.find("再次提醒") != std::string::npos);

  bot.clock().advance_minutes(62);
  auto closed = bot.say("解除 1 已恢复供电，电梯已恢复运行");
  closed.should_reply_containing("紧急通知 #1（停电）已解除 · 历时 1 小时 42 分 · 已确认 2/4 户（50%）");
  closed.should_reply_containing("进展 1 条 · 提醒 1 次");
  CHECK(closed.to(bot.group("阳光花园大群"))[0].shown.find(
            "【紧急通知 #1 已解除】停电：已恢复供电，电梯已恢复运行。历时 1 小时 42 分") !=
        std::string::npos);

  bot.say("进展 1 又停了").should_reply_containing("紧急通知 #1 已于");
  bot.say("提醒 1").should_reply_containing("已于");
  bot.say("解除 1").should_reply_containing("已于");
  bot.as("张二").in_group("3栋业主群").say("收到").should_be_silent();  // nothing open any more
  CHECK(bot.db().emergencies.ack_count(1) == 3);
  bot.as("王师傅").in_private().say("紧急 1").should_reply_containing("已解除（历时 1 小时 42 分）");
}

TEST_CASE("an emergency goes out before queued notices", "[commands][emergency][outbox]") {
  test_bot bot(R"(
[outbox.platforms.onebot]
per_second = 1
burst = 1
)");
  bot.add_platform("onebot");
  for (const char* g : {"QQ一群", "QQ二群", "QQ三群"}) bot.on("onebot").register_group(g);
  bot.as("王师傅").on("console").in_private().say("公告 停车场维修 | 周六全天");  // 1 of 3 goes out
  bot.say("紧急 火警 3栋 地下车库冒烟");
  bot.clock().advance_ms(1000);
  auto next = bot.drain();
  REQUIRE(next.size() == 1);
  CHECK(next.all[0].shown.find("【紧急通知 #1】火警") != std::string::npos);
  bot.clock().advance_ms(1000);
  CHECK(bot.drain().all[0].shown.find("【紧急通知 #1】") != std::string::npos);
  bot.clock().advance_ms(1000);
  CHECK(bot.drain().all[0].shown.find("【紧急通知 #1】") != std::string::npos);
  bot.clock().advance_ms(1000);
  CHECK(bot.drain().all[0].shown.find("停车场维修") != std::string::npos);
}

TEST_CASE("收到 with a prefix or in private gets a short answer, without an emergency it stays quiet",
          "[commands][emergency][ack]") {
  test_bot bot;
  make_emergency_groups(bot);
  bot.as("王阿姨").in_group("3栋业主群").say("收到").should_be_silent();
  bot.say("/ack").should_reply_containing("no emergency to acknowledge");
  // An @ alone is what QQ puts before a reply quoting the bot: silent in a group; a prefix asks.
  bot.say("@物业助手 收到").should_be_silent();
  bot.say("/收到").should_reply_containing("现在没有需要确认的紧急通知");
  bot.as("王师傅").in_private().say("紧急 停水 预计下午3点来水");
  bot.as("王阿姨").in_group("3栋业主群").say("/ack").should_reply_containing("Acknowledged emergency #1");
  bot.say("/ack").should_reply_containing("already acknowledged");
  bot.as("刘女士").in_group("5栋业主群").say("你好");
  bot.in_private().say("收到").should_reply_containing("已确认收到紧急通知 #1");
  bot.as("王阿姨").in_group("3栋业主群").say("收到 7").should_be_silent();
  bot.say("/ack 7").should_reply_containing("#7");
  CHECK(bot.db().emergencies.ack_count(1) == 2);
  SECTION("in a group without the emergency, 收到 is ordinary chat") {
    bot.as("王阿姨").in_group("新群").say("收到").should_be_silent();
    CHECK(bot.db().emergencies.ack_count(1) == 2);
  }
}

TEST_CASE("without a roster, acknowledgements are counted by the people heard in each group",
          "[commands][emergency][ack]") {
  test_bot bot;
  make_emergency_groups(bot);
  for (const char* who : {"甲", "乙", "丙"}) bot.as(who).in_group("5栋业主群").say("在吗");
  bot.as("王师傅").in_private().say("紧急 电梯困人 5栋 2号电梯");
  bot.as("甲").in_group("5栋业主群").say("收到");
  auto r = bot.as("王师傅").in_private().say("/emergency 1 acks");
  // 5栋业主群: 甲, 乙, 丙 heard (管理员 too, but staff are not counted); 阳光花园大群: nobody.
  r.should_reply_containing("acknowledged by 1/3 people (33%");
  r.should_reply_containing("5栋业主群 1/3");
}

TEST_CASE("an automatic reminder runs from a job row unless the emergency was closed",
          "[commands][emergency][scheduler]") {
  test_bot bot(R"(
[emergency]
remind_after_minutes = 15
)");
  make_emergency_groups(bot);
  bot.as("王阿姨").in_group("3栋业主群").say("大家好");
  bot.as("王师傅").in_private().say("紧急 燃气 3栋 3单元燃气管道泄漏");
  REQUIRE(bot.db().jobs.pending("emergency.remind", "emergency:1").size() == 1);
  bot.clock().advance_minutes(14);
  CHECK(bot.run_jobs().size() == 0);
  bot.clock().advance_minutes(1);
  auto r = bot.run_jobs();
  auto in_3 = r.to(bot.group("3栋业主群"));
  REQUIRE(in_3.size() == 1);
  CHECK(in_3[0].shown.find("@王阿姨") != std::string::npos);
  CHECK(in_3[0].shown.find("【紧急通知 #1 再次提醒】燃气泄漏") != std::string::npos);
}

TEST_CASE("a closed emergency gets no automatic reminder", "[commands][emergency][scheduler]") {
  test_bot bot(R"(
[emergency]
remind_after_minutes = 15
)");
  make_emergency_groups(bot);
  bot.as("王师傅").in_private().say("紧急 燃气 3栋");
  bot.say("解除 1 已排除险情");
  CHECK(bot.db().jobs.pending("emergency.remind", "emergency:1").empty());
  bot.clock().advance_minutes(30);
  CHECK(bot.run_jobs().size() == 0);
}

TEST_CASE("owners cannot start, update, remind or close an emergency", "[commands][emergency][roles]") {
  test_bot bot(emergency_duty_phone);
  make_emergency_groups(bot);
  auto r = bot.as("王阿姨").in_group("3栋业主群").say("紧急 电梯困人了 快来人");
  r.should_reply_containing("只有物业工作人员可以发布紧急通知").should_reply_containing("400-800-1234");
  r.should_reply_containing("报修");
  CHECK(r.size() == 1);
  CHECK_FALSE(bot.db().emergencies.get(1));
  bot.as("王师傅").in_private().say("紧急 停电 3栋");
  bot.as("王阿姨").in_group("3栋业主群");
  // Bare, these words are her chat (DOMAIN.md): no refusal. Asked with a prefix or an @, she learns why.
  bot.say("进展 1 好了").should_be_silent();
  bot.say("提醒 1").should_be_silent();
  bot.say("解除 1 好了").should_be_silent();
  bot.say("/进展 1 好了").should_reply_containing("只有物业工作人员可以发布紧急情况进展");
  bot.say("#提醒 1").should_reply_containing("只有物业工作人员可以发送紧急提醒");
  bot.say("@物业助手 解除 1 好了").should_reply_containing("只有物业工作人员可以解除紧急情况");
  bot.say("紧急 1 确认情况").should_reply_containing("只有物业工作人员");
  CHECK(bot.db().emergencies.get(1)->open());
  SECTION("without a duty phone the refusal still says what to do") {
    test_bot plain;
    plain.as("王阿姨").in_group("3栋业主群").say("紧急 着火了").should_reply_containing("119");
  }
}

TEST_CASE("emergency arguments that do not fit get the usage or a reason", "[commands][emergency][parser]") {
  test_bot bot;
  make_emergency_groups(bot);
  bot.as("王师傅").in_private();
  bot.say("紧急").should_reply_containing("用法：紧急");
  bot.say("紧急 3栋").should_reply_containing("用法");
  bot.say("紧急 99 确认情况").should_reply_containing("没有找到紧急通知 #99");
  bot.say("紧急 1 2 3").should_reply_containing("用法");
  std::string long_text;
  for (int i = 0; i < 301; ++i) long_text += "停";
  bot.say("紧急 停电 " + long_text).should_reply_containing("300 字以内");
  bot.say("紧急 停电 3栋").should_reply_containing("#1");
  bot.say("进展 1").should_reply_containing("用法：进展");
  bot.say("进展 abc 好了").should_reply_containing("用法");
  bot.say("提醒").should_reply_containing("用法");
  bot.say("解除").should_reply_containing("用法");
  bot.say("紧急 1 撤销").should_reply_containing("用法");
  bot.say("紧急 停电 3栋").should_reply_containing("还没有值班电话");
  CHECK(bot.db().outbox.by_ref("emergency:1").size() == 2);
  SECTION("a building without any owners' group") {
    test_bot empty;
    empty.as("王师傅").in_private().say("紧急 停电 3栋").should_reply_containing("没有发出");
    CHECK_FALSE(empty.db().emergencies.get(1));
  }
}

TEST_CASE("紧急 said without / in the staff group waits for 确认发送, with a prefix it goes at once",
          "[commands][emergency][parser]") {
  test_bot bot;
  make_emergency_groups(bot);
  bot.as("管理员").in_group("维修群").say("绑定小区 阳光花园 员工群");
  bot.as("王师傅").in_group("维修群").say("紧急 的事情我来处理").should_reply_containing("将发送到 3 个群");
  bot.say("紧急 小区东门主水管爆裂 请勿靠近").should_reply_containing("将发送到 3 个群：小区东门主水管爆裂");
  CHECK_FALSE(bot.db().emergencies.get(1));  // chat, or a slip of the keyboard: nothing went out
  // Only the newest held words are sent, only by who said them, only in that chat.
  bot.as("经理").say("确认发送").should_reply_containing("没有等您确认的群发");
  bot.as("王师傅").in_private().say("确认发送").should_reply_containing("没有等您确认的群发");
  auto sent = bot.as("王师傅").in_group("维修群").say("确认发送");
  sent.should_reply_containing("已发布紧急通知 #1");
  CHECK(sent.to(bot.group("5栋业主群")).size() == 1);
  bot.say("确认发送").should_reply_containing("没有等您确认的群发");  // once
  // Held words expire.
  bot.say("紧急 停电 3栋 配电房跳闸").should_reply_containing("将发送到 2 个群");
  bot.clock().advance_minutes(11);
  bot.say("确认发送").should_reply_containing("没有等您确认的群发");
  CHECK_FALSE(bot.db().emergencies.get(2));
  // A prefix or an @ is a command on purpose: no question.
  bot.say("/紧急 水管爆裂 5栋").should_reply_containing("已发布紧急通知 #2");
  bot.say("@物业助手 紧急 屋顶漏水").should_reply_containing("已发布紧急通知 #3");
}

TEST_CASE("a staff member's own title works, and English commands answer in English",
          "[commands][emergency]") {
  test_bot bot;
  make_emergency_groups(bot);
  auto r = bot.as("王师傅").in_private().say("紧急 水管爆裂 5栋 地下室进水，请勿进入");
  r.should_reply_containing("水管爆裂 · 5栋");
  CHECK(r.to(bot.group("5栋业主群"))[0].shown.find(
            "【紧急通知 #1】水管爆裂 · 5栋\n   地下室进水，请勿进入") != std::string::npos);
  bot.say("/emergency power 5栋 back by 18:00")
      .should_reply_containing("Emergency #2 (Power cut · building 5)");
  bot.say("/emergency update 2 crews on site").should_reply_containing("update on emergency #2");
  bot.say("/emergency close 2").should_reply_containing("Emergency #2 (Power cut) closed");
  bot.say("/emergency 2 delivery").should_reply_containing("Emergency #2 delivery: delivered to 2/2 groups");
}

TEST_CASE("groups read emergencies in their own language, whatever language staff typed",
          "[commands][emergency]") {
  test_bot bot;
  make_emergency_groups(bot);
  bot.as("经理").in_group("5栋业主群").say("群语言 英文");
  auto r = bot.as("王师傅").in_private().say("/emergency fire 5栋 smoke in the garage");
  CHECK(r.to(bot.group("5栋业主群"))[0].shown.find("[Emergency #1] Fire · building 5") != std::string::npos);
  CHECK(r.to(bot.group("阳光花园大群"))[0].shown.find("【紧急通知 #1】火警 · 5栋") != std::string::npos);
}

TEST_CASE("emergency templates come from the config", "[commands][emergency][config]") {
  test_bot bot(R"(
[emergency]
duty_phone = "0571-1234"
[emergency.templates.flood]
names = ["水浸", "flood"]
title_zh = "水浸"
title_en = "Flooding"
zh = "请把车辆移出地下车库。"
en = "Please move your car out of the underground garage."
[emergency.templates.power_cut]
names = ["停电", "断电"]
zh = "电梯停用，楼道应急灯已开启。"
)");
  make_emergency_groups(bot);
  auto r = bot.as("王师傅").in_private().say("紧急 水浸 地库B区");
  CHECK(r.to(bot.group("3栋业主群"))[0].shown.find(
            "【紧急通知 #1】水浸 · 全小区\n   地库B区\n   请把车辆移出地下车库。") != std::string::npos);
  auto p = bot.say("紧急 断电");
  CHECK(p.to(bot.group("3栋业主群"))[0].shown.find("停电 · 全小区\n   电梯停用，楼道应急灯已开启。") !=
        std::string::npos);
  // "power" is no longer a template name: it is read as a title of the staff member's own.
  bot.say("/emergency power").should_reply_containing("Emergency #3 (power · the whole community)");
}

TEST_CASE("every built-in emergency template has its title and advice in both languages",
          "[commands][emergency][texts]") {
  const auto& t = bot::texts::embedded();
  for (const auto& tmpl : bot::emergency_config::builtin_templates()) {
    INFO(tmpl.id);
    CHECK(t.has("emergency.template." + tmpl.id + ".title"));
    CHECK(t.has("emergency.template." + tmpl.id + ".advice"));
    CHECK_FALSE(tmpl.names.empty());
  }
  CHECK(bot::emergency_config::builtin_templates().size() == 5);
}
