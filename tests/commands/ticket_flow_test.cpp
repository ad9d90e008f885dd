// Transcripts: a ticket from report to rating, who may do what, and what the state machine refuses
// in chat (the transition table asked directly: tests/domain/ticket_flow_test).
#include <catch2/catch.hpp>

#include "support/test_bot.hpp"
#include "support/vocabulary_strings.hpp"

using testing::test_bot;

namespace {

// 阳光花园 with a staff group and a managers' group, as a property company would set it up.
void set_up_flow_groups(test_bot& bot) {
  bot.as("管理员").in_group("维修群").say("绑定小区 阳光花园 员工群").should_reply_containing("员工群");
  bot.as("管理员").in_group("经理群").say("绑定小区 阳光花园 经理群").should_reply_containing("经理群");
  bot.as("李师傅").in_group("维修群").say("大家好");  // staff are found by the names they chat under
  bot.as("王师傅").in_group("维修群").say("收到");
  bot.in_private();
}

// The one message of `r` to `chat` that contains `needle`.
std::string message_to(const testing::replies& r, const bot::chat_ref& chat, std::string_view needle) {
  std::string found;
  for (const auto& m : r.to(chat))
    if (m.shown.find(needle) != std::string::npos) {
      CHECK(found.empty());
      found = m.shown;
    }
  INFO("bot said:\n" << r.text());
  CHECK_FALSE(found.empty());
  return found;
}

std::string state_of(test_bot& bot, std::int64_t id) {
  return std::string(domain::to_text(bot.db().tickets.get(id)->state));
}

}  // namespace

TEST_CASE("a leak from report to rating, as in the scenario", "[tickets][flow]") {
  test_bot bot;
  set_up_flow_groups(bot);

  auto r = bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 厨房水管漏水，水流到地上了");
  r.should_reply_containing("#1")
      .should_reply_containing("30 分钟内响应")
      .should_reply_containing("当天修复");
  auto staff = r.to(bot.group("维修群"));
  REQUIRE(staff.size() == 1);
  CHECK(staff[0].shown.find("新工单 #1 紧急") != std::string::npos);
  CHECK(staff[0].shown.find("接单：接单 1") != std::string::npos);
  CHECK(staff[0].shown.find("1201") == std::string::npos);

  r = bot.as("李师傅").in_group("维修群").say("接单 1");
  r.should_reply_containing("已接单 #1");
  auto owners = r.to(bot.group("3栋业主群"));
  REQUIRE(owners.size() == 1);
  CHECK(owners[0].body.mentions.at(0).user_id == "王阿姨");
  CHECK(owners[0].shown.find("工单 #1 已由李师傅接单") != std::string::npos);
  CHECK(state_of(bot, 1) == "assigned");

  message_to(bot.say("处理 1"), bot.group("3栋业主群"), "@王阿姨 李师傅已开始处理工单 #1");
  CHECK(state_of(bot, 1) == "in_progress");

  r = bot.say("完成 1 更换了角阀，已试水无渗漏");
  r.should_reply_containing("已完成，已通知业主");
  owners = r.to(bot.group("3栋业主群"));
  REQUIRE(owners.size() == 1);
  CHECK(owners[0].shown.find("@王阿姨 工单 #1 已完成：更换了角阀，已试水无渗漏") != std::string::npos);
  CHECK(owners[0].shown.find("评价 1 5") != std::string::npos);
  CHECK(state_of(bot, 1) == "resolved");

  r = bot.as("王阿姨").in_group("3栋业主群").say("评价 1 5 师傅很快");
  r.should_reply_containing("谢谢您的评价");
  message_to(r, bot.group("维修群"), "工单 #1 获得业主评价 5 分：师傅很快");
  auto t = bot.db().tickets.get(1);
  CHECK(t->state == domain::ticket_state::closed);
  CHECK(t->rating == 5);
  CHECK(t->rating_comment == "师傅很快");

  auto d = bot.say("工单 1");
  d.should_reply_containing("已关闭")
      .should_reply_containing("李师傅 接单")
      .should_reply_containing("李师傅 完成");
  d.should_reply_containing("评价：5 分").should_not_contain("1201");

  // Every change is an event row, and staff actions are in the audit log.
  auto events = bot.db().tickets.events(1);
  std::vector<std::string> actions;
  for (const auto& e : events) actions.push_back(e.action);
  CHECK(actions == std::vector<std::string>{"created", "take", "start", "resolve", "rate"});
  CHECK(events[1].actor_name == "李师傅");
  CHECK(events[3].note == "更换了角阀，已试水无渗漏");
  int audited = 0;
  for (const auto& a : bot.db().audit.recent(50))
    if (a.target == "ticket:1") ++audited;
  CHECK(audited == 3);  // take, start, resolve; the owner's rating is not a staff action
}

TEST_CASE("complaints and suggestions are tickets of their kind", "[tickets]") {
  test_bot bot;
  bot.as("张先生").say("投诉 5栋楼下装修太吵，晚上十点还在施工").should_reply_containing("已登记投诉 #1");
  bot.say("建议 小区门口增加快递柜").should_reply_containing("已登记建议 #2");
  auto c = bot.db().tickets.get(1);
  CHECK(c->kind == domain::ticket_kind::complaint);
  CHECK(c->category == domain::ticket_category::noise);
  CHECK(c->building == "5");
  CHECK(*c->due_at - c->created_at == 24 * 3'600'000LL);  // complaint: first reply within 24 h
  CHECK(bot.db().tickets.get(2)->kind == domain::ticket_kind::suggestion);
  bot.say("我的工单").should_reply_containing("#1 投诉").should_reply_containing("#2 建议");
}

TEST_CASE("who may do what", "[tickets][roles]") {
  test_bot bot;
  set_up_flow_groups(bot);
  bot.as("王阿姨").say("报修 3-2-1201 卫生间灯不亮");

  SECTION("an owner cannot see, confirm or urge someone else's ticket") {
    bot.as("张先生").say("工单 1").should_reply_containing("不是您登记的").should_not_contain("灯不亮");
    bot.say("催单 1").should_reply_containing("不是您登记的");
    bot.say("取消工单 1").should_reply_containing("不是您登记的");
    CHECK(state_of(bot, 1) == "new");
  }
  SECTION("an owner cannot take tickets") {
    bot.as("张先生").say("接单 1").should_reply_containing("物业工作人员");
    CHECK(state_of(bot, 1) == "new");
  }
  SECTION("staff cannot assign unless they are managers") {
    bot.as("王师傅").say("派单 1 @李师傅").should_reply_containing("只有物业经理可以派单");
    CHECK(state_of(bot, 1) == "new");
    auto r = bot.as("经理").say("派单 1 @李师傅");
    r.should_reply_containing("已把工单 #1 派给李师傅");
    auto staff = r.to(bot.group("维修群"));
    REQUIRE(staff.size() == 1);
    CHECK(staff[0].body.mentions.at(0).user_id == "李师傅");
    CHECK(staff[0].shown.find("【派单】工单 #1") != std::string::npos);
    CHECK(bot.db().tickets.get(1)->assignee_id == bot.db().members.find("console", "李师傅")->id);
  }
  SECTION("only the assignee or a manager works on a taken ticket") {
    bot.as("李师傅").say("接单 1");
    bot.as("王师傅").say("处理 1").should_reply_containing("由李师傅负责，只有负责人或经理可以开始处理");
    bot.say("完成 1 换了灯泡").should_reply_containing("由李师傅负责");
    CHECK(state_of(bot, 1) == "assigned");
    bot.as("经理").say("完成 1 换了灯泡").should_reply_containing("已完成");
  }
  SECTION("only managers record return visits") {
    bot.as("李师傅").say("接单 1");
    bot.say("完成 1 换了灯泡");
    bot.say("回访 1 满意").should_reply_containing("物业经理");
    bot.as("经理").say("回访 1 满意 已电话回访").should_reply_containing("已记录工单 #1 的回访：满意");
    // A return visit recorded wrongly is corrected by recording it again.
    bot.say("回访 1 不满意 业主说还在闪").should_reply_containing("已记录工单 #1 的回访：不满意");
    CHECK(bot.db().tickets.get(1)->visit_result == domain::visit_result::unsatisfied);
  }
  SECTION("staff of another community do not see the ticket") {
    bot.as("管理员").in_group("翠湖苑员工群").say("绑定小区 翠湖苑 员工群");
    bot.as("王师傅").in_group("翠湖苑员工群").say("接单 1").should_reply_containing("没有找到工单 #1");
    CHECK(state_of(bot, 1) == "new");
  }
}

TEST_CASE("illegal transitions get a clear reply and change nothing", "[tickets][flow]") {
  test_bot bot;
  set_up_flow_groups(bot);
  bot.as("王阿姨").say("报修 3-2-1201 厨房水管漏水");
  auto events_before = bot.db().tickets.events(1).size();

  bot.as("李师傅").say("完成 1 修好了").should_reply_containing("还没有人接单，请先：接单 1");
  bot.say("处理 1").should_reply_containing("还没有人接单");
  bot.as("王阿姨").say("确认 1").should_reply_containing("还没有处理完（待受理）");
  bot.say("评价 1 5").should_reply_containing("还没有处理完");
  bot.say("重开 1 还是漏").should_reply_containing("还没有处理完");
  CHECK(state_of(bot, 1) == "new");
  CHECK(bot.db().tickets.events(1).size() == events_before);

  bot.as("李师傅").say("接单 1");
  bot.as("王师傅").say("接单 1").should_reply_containing("已由李师傅负责（已派单）");
  CHECK(bot.db().tickets.get(1)->assignee_id == bot.db().members.find("console", "李师傅")->id);

  bot.as("李师傅").say("完成 1 换了水管");
  bot.as("王阿姨").say("确认 1").should_reply_containing("已关闭");
  bot.say("重开 1 还是漏").should_reply_containing("已关闭，不能再重开");
  bot.as("李师傅").say("处理 1").should_reply_containing("已关闭");
  bot.as("王阿姨").say("取消工单 1").should_reply_containing("已关闭");
  CHECK(state_of(bot, 1) == "closed");

  SECTION("bad arguments get the usage") {
    bot.as("王阿姨").in_private().say("评价 1 9").should_reply_containing("1 到 5");
    bot.say("重开 1").should_reply_containing("用法：重开");
    bot.as("李师傅").say("完成 1").should_reply_containing("用法：完成");
    bot.say("接单 abc").should_reply_containing("用法：接单");
    bot.say("接单 99").should_reply_containing("没有找到工单 #99");
  }
}

TEST_CASE("staff words in an owners' group are chat unless they name a ticket", "[tickets][parser]") {
  test_bot bot;
  bot.as("王阿姨").in_group("业主群");
  bot.say("完成，谢谢大家").should_be_silent();
  bot.say("处理 一下吧").should_be_silent();
  bot.say("回复 楼上").should_be_silent();
  bot.say("上班 去了").should_be_silent();
  bot.say("待办 事项好多").should_be_silent();
  // Naming a ticket is not enough from an owner: bare, a staff word stays her chat (no refusal);
  // with a prefix or an @ it is meant for the bot, and the refusal says why.
  bot.say("完成 1 修好了").should_be_silent();
  bot.say("/完成 1 修好了").should_reply_containing("物业工作人员");
  bot.say("@物业助手 接单 1").should_reply_containing("物业工作人员").should_reply_containing("报修");
}

TEST_CASE("转单, 退单 and how a wrong name is told", "[tickets][staff]") {
  test_bot bot;
  set_up_flow_groups(bot);
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 马桶堵了");
  bot.as("王师傅").in_group("维修群").say("接单 1");

  bot.say("转单 1 @赵师傅").should_reply_containing("不认识“赵师傅”");
  bot.say("转单 1 @").should_reply_containing("用法：转单");  // nobody named
  bot.as("张先生").in_group("3栋业主群").say("今天天气不错");
  bot.as("王师傅").in_group("维修群").say("转单 1 @张先生").should_reply_containing("不是物业工作人员");
  bot.say("转单 1 @王师傅").should_reply_containing("已经由王师傅负责");

  auto r = bot.say("转单 1 @李师傅 我今天在5栋");
  r.should_reply_containing("已把工单 #1 转给李师傅");
  message_to(r, bot.group("3栋业主群"), "@王阿姨 工单 #1 已转给李师傅处理");
  CHECK(bot.db().tickets.get(1)->assignee_id == bot.db().members.find("console", "李师傅")->id);

  r = bot.as("李师傅").say("退单 1 需要物业工程部处理");
  r.should_reply_containing("已退回工单 #1");
  CHECK(message_to(r, bot.group("维修群"), "【退单】工单 #1").find("需要物业工程部处理") !=
        std::string::npos);
  message_to(r, bot.group("3栋业主群"), "重新安排");
  CHECK(state_of(bot, 1) == "new");
  CHECK_FALSE(bot.db().tickets.get(1)->assignee_id);

  SECTION("the owner sees the hand-overs but not staff-internal reasons") {
    auto d = bot.as("王阿姨").in_group("3栋业主群").say("工单 1");
    d.should_reply_containing("退单").should_not_contain("工程部").should_not_contain("我今天在5栋");
    bot.as("经理").say("工单 1").should_reply_containing("需要物业工程部处理");
  }
  SECTION("two colleagues of one name are not guessed") {
    bot::message m;
    m.id = "other-li";
    m.chat = bot.group("维修群");
    m.sender = {"console", "li-2", "李师傅"};
    m.text = "我也在";
    bot.deliver(m);
    bot.db().members.grant(bot.db().members.find("console", "li-2")->id, bot.core().svc.default_community,
                           bot::role::staff, bot.db().members.find("console", "管理员")->id, 0);
    bot.as("经理").say("派单 1 @李师傅").should_reply_containing("有 2 位同事都叫“李师傅”");
  }
}

TEST_CASE("催单 works once per interval and reaches the handler", "[tickets][owner]") {
  test_bot bot;
  set_up_flow_groups(bot);
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 门禁坏了");
  auto r = bot.say("催单 1");
  r.should_reply_containing("已催促");
  CHECK(r.to(bot.group("维修群")).at(0).shown.find("【催单】工单 #1") != std::string::npos);
  bot.say("催单 1").should_reply_containing("已经催过").should_reply_containing("1 小时后可以再催");
  bot.clock().advance_minutes(30);
  bot.say("催单 1").should_reply_containing("30 分钟后");
  bot.clock().advance_minutes(31);
  bot.as("李师傅").in_group("维修群").say("接单 1");
  r = bot.as("王阿姨").in_group("3栋业主群").say("催单 1");
  r.should_reply_containing("已催促");
  auto staff = r.to(bot.group("维修群"));
  REQUIRE(staff.size() == 1);
  CHECK(staff[0].body.mentions.at(0).user_id == "李师傅");
  int urges = 0;
  for (const auto& e : bot.db().tickets.events(1)) urges += e.action == "urge";
  CHECK(urges == 2);
}

TEST_CASE("重开 sends it back to the handler, 取消 withdraws it", "[tickets][owner]") {
  test_bot bot;
  set_up_flow_groups(bot);
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 厨房水管漏水");
  bot.as("李师傅").in_group("维修群").say("接单 1");
  bot.say("完成 1 换了水管");

  auto r = bot.as("王阿姨").in_group("3栋业主群").say("重开 1 还是漏");
  r.should_reply_containing("已重新打开，已通知李师傅继续处理");
  CHECK(message_to(r, bot.group("维修群"), "【重开】工单 #1").find("还是漏") != std::string::npos);
  auto t = bot.db().tickets.get(1);
  CHECK(t->state == domain::ticket_state::assigned);
  CHECK_FALSE(t->resolved_at);

  bot.say("取消工单 1 自己找人修好了").should_reply_containing("已取消");
  CHECK(state_of(bot, 1) == "cancelled");
}

TEST_CASE("a reporter who wrote privately is told privately", "[tickets][notify]") {
  test_bot bot;
  set_up_flow_groups(bot);
  bot.as("王阿姨").in_private().say("报修 3-2-1201 厨房水管漏水");
  auto r = bot.as("李师傅").in_group("维修群").say("接单 1");
  auto direct = r.to({"console", "", bot::chat_kind::direct, "王阿姨"});
  REQUIRE(direct.size() == 1);
  CHECK(direct[0].shown.find("已由李师傅接单") != std::string::npos);
  CHECK(r.to(bot.group("3栋业主群")).empty());
}

TEST_CASE("待办 lists my open tickets by due time and counts the pool", "[tickets][staff]") {
  test_bot bot;
  set_up_flow_groups(bot);
  bot.as("王阿姨").say("报修 3-2-1201 墙面掉漆 不急");  // minor: 3 days
  bot.as("张先生").say("报修 5-1-301 卫生间漏水");      // urgent: 30 minutes
  bot.as("刘女士").say("报修 6-1-101 楼道灯不亮");      // normal: 24 hours
  bot.as("李师傅").in_group("维修群").say("接单 1");
  bot.say("接单 2");
  auto r = bot.say("待办");
  r.should_reply_containing("您的待办工单（2 个）").should_reply_containing("待接单 1 个：#3");
  std::string text = r.text();
  CHECK(text.find("#2") < text.find("#1"));  // the urgent one first
  CHECK(text.find("5-1-301") == std::string::npos);
  bot.as("王师傅").say("待办").should_reply_containing("您手上没有待办工单");
}

TEST_CASE("managers filter, see overdue tickets and statistics", "[tickets][manager]") {
  test_bot bot;
  set_up_flow_groups(bot);
  bot.as("王阿姨").say("报修 3-2-1201 厨房水管漏水");
  bot.as("张先生").say("报修 3-1-502 插座没电");
  bot.as("刘女士").say("报修 5-1-301 电梯异响");
  bot.as("刘女士").say("投诉 5栋门口乱停车");
  bot.as("经理").in_group("经理群");

  auto r = bot.say("工单列表 待处理 3栋 水电");
  r.should_reply_containing("共 1 个工单").should_reply_containing("#2").should_not_contain("#1 ");
  bot.say("工单列表 3栋").should_reply_containing("共 2 个工单");
  bot.say("工单列表 投诉").should_reply_containing("#4").should_reply_containing("共 1 个");
  bot.say("工单列表 电梯 5栋 待处理").should_reply_containing("#3");
  bot.say("工单列表 已关闭").should_reply_containing("没有符合条件");
  bot.say("/工单列表 火星").should_reply_containing("看不懂筛选条件“火星”");
  bot.as("王师傅").say("工单列表").should_be_silent();  // not his command: his chat
  // Asked on purpose, staff learn who may, and are not told to report a repair.
  bot.say("/工单列表").should_reply_containing("物业经理").should_not_contain("报修");

  bot.as("经理").say("逾期工单").should_reply_containing("没有逾期工单");
  bot.clock().advance_minutes(31);
  r = bot.say("逾期工单");
  r.should_reply_containing("逾期工单 1 个").should_reply_containing("#1").should_reply_containing("已逾期");

  bot.as("李师傅").in_group("维修群").say("接单 1");
  bot.say("完成 1 换了水管");
  bot.as("王阿姨").say("评价 1 4");
  r = bot.as("经理").in_group("经理群").say("工单统计 本周");
  r.should_reply_containing("新增工单 4（报修 3 · 投诉 1 · 建议 0）");
  r.should_reply_containing("已关闭 1").should_reply_containing("评分 4.0（1 人）");
  r.should_reply_containing("超时：响应 1");  // #1 was taken after its 30 minutes
  bot.say("/工单统计 下个世纪").should_reply_containing("用法");
}

TEST_CASE("English commands walk the same path", "[tickets][english]") {
  test_bot bot;
  set_up_flow_groups(bot);
  bot.as("Tom").say("/repair 3-2-1201 kitchen pipe leaking").should_reply_containing("Repair ticket #1");
  bot.as("李师傅").in_group("维修群").say("/take 1").should_reply_containing("You took #1");
  bot.say("/done 1 replaced the valve").should_reply_containing("resolved");
  bot.as("Tom").in_private().say("/rate 1 5 great").should_reply_containing("Thank you");
  bot.say("/reopen 1 still leaking").should_reply_containing("closed");
}
