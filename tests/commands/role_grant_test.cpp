// Who is staff is worked out in one place: roles from the config, roles an admin grants in chat
// (授权), and the console's `:as` — and the dispatcher, finding a colleague and emergency
// acknowledgements all agree on it.
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

// A console line typed after `:as <role> <name>`.
bot::message console_line(test_bot& bot, const std::string& who, bot::role r, const std::string& group,
                          const std::string& text) {
  static int n = 0;
  bot::message m;
  m.id = "as-" + std::to_string(++n);
  m.chat = bot.group(group);
  m.chat_title = group;
  m.sender = {"console", who, who};
  m.text = text;
  m.claimed_role = r;
  return m;
}

}  // namespace

TEST_CASE("an admin grants and takes back the staff role in chat, and it is audited", "[roles][admin]") {
  test_bot bot;
  bot.register_group("维修群", "", "staff");
  bot.as("小陈").in_group("维修群").say("大家好，我是新来的客服");
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 马桶堵了");
  bot.as("小陈").in_group("维修群").say("/接单 1").should_reply_containing("物业工作人员");

  bot.as("管理员")
      .in_group("维修群")
      .say("授权 @小陈 员工")
      .should_reply_containing("小陈 现在是物业工作人员");
  auto audit = bot.db().audit.recent(1).at(0);
  CHECK(audit.action == "role.grant");
  bot.as("小陈").say("接单 1").should_reply_containing("已接单 #1");

  bot.as("管理员").in_private().say("/grant @小陈 revoke").should_reply_containing("is now resident");
  CHECK(bot.db().audit.recent(1).at(0).action == "role.revoke");
  bot.as("小陈").in_group("维修群").say("/接单 1").should_reply_containing("物业工作人员");
  bot.as("管理员").say("授权 @小陈 撤销").should_reply_containing("没有在聊天中获得的授权");

  SECTION("roles from the config stay") {
    bot.as("王师傅").in_group("维修群").say("大家好");
    bot.as("管理员").say("授权 @王师傅 经理").should_reply_containing("王师傅 现在是物业经理");
    bot.as("管理员")
        .say("授权 @王师傅 撤销")
        .should_reply_containing("配置文件 [roles] 仍把 王师傅 列为物业工作人员");
  }
  SECTION("names that do not fit are refused with the reason") {
    bot.as("管理员").in_group("维修群");
    bot.say("授权 @不存在的人 员工").should_reply_containing("不认识“不存在的人”");
    bot.say("/授权 @小陈 管理员").should_reply_containing("用法：授权");
    bot.say("/授权 @ 员工").should_reply_containing("用法：授权");
    bot.as("another").in_group("业主群").say("hi");
    bot.db().members.touch({"console", "another", "小陈"}, bot.clock().now_ms());  // a second 小陈
    bot.as("管理员").in_group("维修群").say("授权 @小陈 员工").should_reply_containing("有 2 个人叫“小陈”");
    // By account, as a QQ @ without a name reads.
    bot.say("授权 @another 员工").should_reply_containing("现在是物业工作人员");
  }
  SECTION("only admins grant") {
    bot.as("经理").in_group("维修群").say("授权 @小陈 员工").should_be_silent();  // his chat
    bot.say("/授权 @小陈 员工").should_reply_containing("管理员");
  }
}

TEST_CASE("the console's :as role is the role everyone else sees too", "[roles][console]") {
  test_bot bot;
  bot.register_group("维修群", "", "staff");
  bot.register_group("3栋业主群", "3");
  bot.deliver(console_line(bot, "小陈", bot::role::staff, "维修群", "大家好"));
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 马桶堵了");
  // A manager hands the ticket to the console's staff member: found as staff.
  bot.as("经理").in_group("维修群").say("派单 1 @小陈").should_reply_containing("#1");
  CHECK(bot.db().tickets.get(1)->assignee_id == bot.db().members.find("console", "小陈")->id);

  // In an emergency, that staff member is neither reminded nor counted.
  bot.deliver(console_line(bot, "小陈", bot::role::staff, "3栋业主群", "我在现场"));
  bot.as("王师傅").in_private().say("紧急 停电 3栋");
  auto acks = bot.say("紧急 1 确认情况");
  acks.should_reply_containing("3栋业主群 0/1");  // 王阿姨 only
  auto remind = bot.say("提醒 1");
  auto in_group = remind.to(bot.group("3栋业主群"));
  REQUIRE(in_group.size() == 1);
  REQUIRE(in_group[0].body.mentions.size() == 1);
  CHECK(in_group[0].body.mentions[0].user_id == "王阿姨");

  // Played as an owner again, 小陈 is no longer staff for anyone.
  bot.deliver(console_line(bot, "小陈", bot::role::owner, "3栋业主群", "大家好"));
  bot.as("经理").in_group("维修群").say("派单 1 @小陈").should_reply_containing("不是物业工作人员");
}

TEST_CASE("an owner refused a manager's command is not pointed at a staff command", "[roles]") {
  test_bot bot;
  bot.as("王阿姨").in_private().say("报修 3-2-1201 厨房水管漏水");
  bot.say("派单 1 @王师傅").should_reply_containing("物业经理").should_not_contain("转单");
  bot.as("王师傅").in_private().say("派单 1 @李师傅").should_reply_containing("转单 编号 @同事");
  bot.as("王阿姨").in_group("3栋业主群").say("@物业助手 谢谢").should_reply_containing("不客气");
}

TEST_CASE("a claimed role counts only from an adapter that vouches for it", "[roles][console]") {
  test_bot bot;
  bot.add_platform("qq");
  bot.as("王阿姨").on("qq").in_group("3栋业主群").say("报修 3-2-1201 马桶堵了").should_reply_containing("#1");
  bot::message m;
  m.id = "claim-1";
  m.chat = bot.group("3栋业主群");
  m.chat_title = "3栋业主群";
  m.sender = {"qq", "冒充者", "冒充者"};
  m.text = "/接单 1";
  m.claimed_role = bot::role::staff;  // a bridge cannot make anyone staff
  bot.deliver(m).should_reply_containing("物业工作人员");
  CHECK_FALSE(bot.db().tickets.get(1)->assignee_id);
  CHECK_FALSE(bot.db().members.granted_role(bot.db().members.find("qq", "冒充者")->id,
                                            bot.core().svc.default_community));
}
