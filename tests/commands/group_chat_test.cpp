// Group chat that happens to start with a command word stays chat (DOMAIN.md: "a bare Chinese
// word whose arguments do not parse is ordinary chat and gets no reply"): no refusals, no usage,
// no tickets. The same words typed with a prefix or an @ are meant for the bot and answered.
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

std::int64_t tickets(test_bot& bot) {
  storage::ticket_filter f;
  f.community_id = bot.core().svc.default_community;
  f.states = {};
  return bot.db().tickets.count(f);
}

}  // namespace

TEST_CASE("an owner's chat that starts with a command word gets no reply and files nothing",
          "[parser][chat]") {
  test_bot bot;
  bot.register_group("3栋业主群", "3");
  bot.register_group("维修群", "", "staff");
  bot.as("王师傅").in_private().say("紧急 停电 3栋").should_reply_containing("#1");  // for 进展/提醒/解除
  bot.as("赵女士").in_group("3栋业主群");
  // Every row of the review's table (A4), as an owner typed it in 3栋业主群.
  for (const char* chat : {"提醒：明天记得挪车", "进展，大家知道什么时候来电吗", "解除，我觉得这事",
                           "建议，大家晚上别在群里发语音了", "意见 大家怎么看", "报修 的事情怎么没人管啊",
                           "菜单，今天中午吃什么", "绑定，我昨天绑了"}) {
    INFO(chat);
    bot.say(chat).should_be_silent();
  }
  CHECK(tickets(bot) == 0);
  // Staff words and a manager's word with a record id: still an owner's chat, no refusal.
  bot.say("提醒 1").should_be_silent();
  bot.say("工单列表 3栋").should_be_silent();
  bot.say("授权 @赵女士 员工").should_be_silent();
  CHECK(bot.db().emergencies.get(1)->open());
}

TEST_CASE("the same words asked on purpose are answered", "[parser][chat]") {
  test_bot bot;
  bot.register_group("3栋业主群", "3");
  bot.as("王师傅").in_private().say("紧急 停电 3栋");
  bot.as("赵女士").in_group("3栋业主群");
  bot.say("/提醒 1").should_reply_containing("只有物业工作人员可以发送紧急提醒");
  bot.say("@物业助手 进展 1 来电了吗").should_reply_containing("只有物业工作人员可以发布紧急情况进展");
  bot.say("#解除 1").should_reply_containing("只有物业工作人员可以解除紧急情况");
  bot.say("/菜单 今天中午吃什么").should_reply_containing("没有“今天中午吃什么”这个命令");
  bot.say("/建议 大家晚上别在群里发语音了").should_reply_containing("已登记建议 #1");
  bot.say("/绑定 我昨天绑了").should_reply_containing("请私聊我");
  // SCENARIOS §5: an owner's bare 公告 and 紧急 still explain what to do instead.
  bot.say("公告 明天停水 | 全天").should_reply_containing("只有物业工作人员可以发布公告");
  bot.say("紧急 电梯困人了 快来人").should_reply_containing("只有物业工作人员可以发布紧急通知");
}

TEST_CASE("bare words that do look like the command still work", "[parser][chat]") {
  test_bot bot;
  bot.register_group("3栋业主群", "3");
  bot.as("王阿姨").in_group("3栋业主群");
  bot.say("报修 3-2-1201 厨房水管漏水").should_reply_containing("已登记报修工单 #1");
  bot.say("报修 楼道灯不亮好几天了").should_reply_containing("已登记报修工单 #2");  // a category
  bot.say("投诉 5栋门口乱停车").should_reply_containing("已登记投诉 #3");
  bot.say("建议 小区多种点树").should_reply_containing("已登记建议 #4");
  bot.say("意见 3栋 门口的台阶太高").should_reply_containing("已登记建议 #5");  // an address
  bot.say("帮助").should_reply_containing("报修");
  bot.say("菜单 报修").should_reply_containing("用法：报修");
  bot.say("帮助 工单 12").should_reply_containing("用法：工单");
  bot.say("绑定 3-2-1201 5678").should_reply_containing("请私聊我");
  bot.say("绑定").should_reply_containing("请私聊我");
  bot.as("王师傅").in_private().say("紧急 停电 3栋");
  bot.say("进展 1 抢修中").should_reply_containing("已发送到");
  bot.as("王师傅").in_group("3栋业主群").say("提醒 1").should_reply_containing("再次提醒紧急通知 #1");
  bot.say("解除 1 已恢复").should_reply_containing("已解除");
}
