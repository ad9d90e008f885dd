// Well-formed deliveries whose words are hostile or wrong: unknown commands, commands with bad
// arguments, CQ codes typed as text, control characters, and deliveries repeated by a platform.
// The platform is acknowledged (200 / 204); a repeated delivery stores nothing the second time.
// Also the cases issue 10 item 7 fixes on another branch, kept apart and not asserted here.
#include "support/malformed_harness.hpp"

namespace testing::malformed {
namespace {

malformed_case said(const std::string& id, const std::string& text, const std::string& chat_type = "group") {
  return {"webhook says: " + text.substr(0, 60), webhook_post(webhook_json(id, text, chat_type).dump()), 200,
          true};
}

malformed_case qq_said(std::int64_t id, const std::string& text) {
  return {"QQ says: " + text.substr(0, 60), onebot_post(onebot_json(id, text).dump()), 204, true};
}

// The same delivery again: acknowledged, and nothing new is stored.
malformed_case again(malformed_case first) {
  first.name = "repeated: " + first.name;
  first.may_store = false;
  return first;
}

std::vector<malformed_case> command_cases() {
  return {
      said("wc-1", "/nosuchcommand"),
      said("wc-2", "/"),
      said("wc-3", "#"),
      said("wc-4", "！"),
      said("wc-5", "工单 abc"),
      said("wc-6", "工单 99999999999999999999999"),
      said("wc-7", "/ticket -1"),
      said("wc-8", "/ticket 0x10"),
      said("wc-9", "催单"),
      said("wc-10", "评价 1 9 很好"),
      said("wc-11", "评价 1 -5"),
      said("wc-12", "接单 1"),
      said("wc-13", "派单 1 @nobody"),
      said("wc-14", "授权 @王阿姨 经理"),
      said("wc-15", "绑定 3-2-1201 abcd", "direct"),
      said("wc-16", "/bind", "direct"),
      said("wc-17", "/公告"),
      said("wc-18", "/紧急"),
      said("wc-19", "/help " + std::string(2000, 'x')),
      said("wc-20", "报修 " + std::string(20000, 'a')),
      said("wc-21", "   \t  "),
      said("wc-22", ""),
      said("wc-23", "\xe2\x80\xae报修 3-2-1201 反向文字"),
      said("wc-24", "报修 3-2-1201 \x1b[31m红色\x1b[0m"),
      said("wc-25", "定时公告 9999-99-99 99:99 标题 | 正文"),
      said("wc-26", "/emergency close 99999"),
      said("wc-27", "匿名建议 这不是私聊"),
      said("wc-28", "/grant @everyone manager"),
      said("wc-29", "工单列表 待处理 待处理 待处理 3栋 999栋"),
      said("wc-30", "🙂🙂🙂 /help 🙂"),
  };
}

std::vector<malformed_case> injection_cases() {
  return {
      said("wi-1", "[CQ:at,qq=all] 报修 3-2-1201 漏水"),
      said("wi-2", "&#91;CQ:at,qq=all&#93; 大家好"),
      said("wi-3", "帮助 [CQ:image,file=file:///etc/passwd]"),
      said("wi-4", "[CQ:reply,id=1][CQ:at,qq=3889001234] 我的工单"),
      said("wi-5", "<script>alert(1)</script>"),
      said("wi-6", "'; DROP TABLE tickets; --"),
      said("wi-7", "报修 %s%s%s%n {} {0} {:>99999}"),
      qq_said(7201, "[CQ:at,qq=all] 大家注意"),
      qq_said(7202, "[CQ:share,url=http://evil/,title=x] 报修 3-2-1201 漏水"),
      qq_said(7203, "&#91;CQ:face,id=1&#93;&amp;&amp;"),
      qq_said(7204, "工单 [CQ:at,qq=all]"),
      {"QQ CQ string message with an @all segment", onebot_post([] {
         json j = onebot_json(7205, "");
         j["message"] = "[CQ:at,qq=all][CQ:at,qq=3889001234] 帮助";
         return j.dump();
       }()),
       204, true},
      {"QQ unterminated CQ code", onebot_post([] {
         json j = onebot_json(7206, "");
         j["message"] = "[CQ:at,qq=";
         return j.dump();
       }()),
       204, true},
  };
}

std::vector<malformed_case> duplicate_cases() {
  malformed_case w = said("wd-1", "报修 3-2-1201 楼道灯不亮");
  malformed_case q = qq_said(7301, "报修 3-2-1201 电梯异响");
  json changed = webhook_json("wd-1", "报修 3-2-1202 另一件事");
  json changed_qq = onebot_json(7301, "报修 5-1-0101 另一件事");
  return {
      w,
      again(w),
      again(w),
      {"repeated webhook id with other words", webhook_post(changed.dump()), 200, false},
      q,
      again(q),
      {"repeated QQ id with other words", onebot_post(changed_qq.dump()), 204, false},
  };
}

}  // namespace

std::vector<malformed_case> chat_cases() {
  std::vector<malformed_case> all;
  for (auto family : {command_cases, injection_cases, duplicate_cases})
    for (auto& c : family()) all.push_back(std::move(c));
  return all;
}

// Issue 10 item 7, asserted after the other families. 1 MiB of &#91;, a heartbeat interval of 2^62
// and 100,000 images are tested where they are read (tests/adapters/onebot_*, webhook_hardening_test);
// keying members by network is a matter of roles, tested in webhook_hardening_test.
std::vector<malformed_case> item7_cases() {
  auto typed = [](const char* name, json type) {
    json j = webhook_json(std::string("g7-") + name, "大家好");
    j["chat"]["type"] = type;
    return malformed_case{std::string("chat.type ") + name + " → 400", webhook_post(j.dump()), 400};
  };
  auto big_id = [](const char* name, const std::string& number) {
    std::string body = webhook_json("placeholder", "报修 3-2-1201 卫生间漏水").dump();
    const std::string id = R"("message_id":"placeholder")";
    body.replace(body.find(id), id.size(), R"("message_id":)" + number);
    return malformed_case{std::string("message_id ") + name + " is a new message", webhook_post(body), 200,
                          true};
  };
  return {
      typed("number", 5),
      typed("null", nullptr),
      typed("array", json::array({"group"})),
      typed("object", json::object()),
      big_id("-1", "-1"),
      big_id("2^64-1 (wrapped to -1 before)", "18446744073709551615"),
  };
}

}  // namespace testing::malformed
