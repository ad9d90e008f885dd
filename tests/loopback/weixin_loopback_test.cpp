// WeCom (self-built app, group robot) and the WeChat Official Account over real loopback HTTP:
// callbacks encrypted and signed as the platforms send them, answers read back as the platforms
// read them, and a fake of both APIs taking everything sent later.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/weixin_harness.hpp"

namespace weixin_loopback_test {

using testing::weixin::harness;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE(
    "WeCom loopback: an owner's 报修 to the app is answered in the callback, once, and staff hear of it by "
    "robot",
    "[loopback][wecom]") {
  harness h;
  const auto first = h.app_says("liuyezhu", "报修 3-2-1201 厨房水管漏水", "7001234567890123456");
  CHECK(first.status == 200);
  CHECK(has(first.text, "#1"));  // the ticket number, in the encrypted passive reply
  CHECK(h.count("tickets") == 1);
  CHECK(h.weixin.fetches == 0);  // nothing went by API: no token needed yet

  // The staff group's robot is told of the new ticket, without the owner's room.
  REQUIRE(testing::run_until(h.io, [&] { return !h.weixin.robot_inbox.empty(); }));
  const std::string alert = h.weixin.robot_inbox.front()["text"]["content"];
  CHECK(has(alert, "#1"));
  CHECK_FALSE(has(alert, "1201"));

  SECTION("WeCom's retry of the same MsgId is acknowledged and processed once") {
    // The first answer may never have reached WeCom: the retry gets the same reply again.
    const auto again = h.app_says("liuyezhu", "报修 3-2-1201 厨房水管漏水", "7001234567890123456");
    CHECK(again.status == 200);
    CHECK(again.text == first.text);
    CHECK(h.count("tickets") == 1);
  }

  SECTION("later news to the owner goes as an app message after one token refresh") {
    // The first token is fetched; WeCom then says it expired once: one more fetch, one message.
    h.weixin.expire_once = true;
    const auto taken = h.app_says("wangshifu", "接单 1", "7001234567890123457");
    CHECK(has(taken.text, "#1"));  // the staff member's own answer, passively
    REQUIRE(h.idle());
    REQUIRE(h.weixin.app_inbox["liuyezhu"].size() == 1);
    CHECK(has(h.weixin.app_inbox["liuyezhu"][0], "工单 #1 已由"));
    CHECK(h.weixin.fetches == 2);
    CHECK_FALSE(h.weixin.expire_once);
  }
}

TEST_CASE("WeCom loopback: a forged, replayed or mangled callback is refused and stores nothing",
          "[loopback][wecom]") {
  harness h;
  auto post = [&](const std::string& query, const std::string& body) {
    bot::http_call c;
    c.url = "http://127.0.0.1:" + std::to_string(h.port) + "/wecom?" + query;
    c.body = body;
    return h.call(c).status;
  };
  const std::string now = std::to_string(h.clock.now_ms() / 1000);
  CHECK(post("timestamp=" + now + "&nonce=1", "<xml/>") == 401);  // no signature: refused unread
  CHECK(post("msg_signature=0000&timestamp=" + now + "&nonce=1",
             "<xml><Encrypt><![CDATA[AAAA]]></Encrypt></xml>") == 401);
  CHECK(post("msg_signature=0000&timestamp=" + now + "&nonce=1", "<xml><Encrypt>") == 400);
  CHECK(h.count("inbound_seen") == 0);
  CHECK(h.count("tickets") == 0);
}

TEST_CASE("WeCom loopback: the callback URL verifies with the admin console's echostr", "[loopback][wecom]") {
  harness h;
  const auto crypt = *adapters::wecom::wx_crypt::make(testing::weixin::corp_token, testing::weixin::corp_key,
                                                      testing::weixin::corp_id);
  const std::string ts = std::to_string(h.clock.now_ms() / 1000);
  const std::string echostr = crypt.encrypt("8849209382057216");
  bot::http_call c;
  c.method = "GET";
  c.url = "http://127.0.0.1:" + std::to_string(h.port) +
          "/wecom?msg_signature=" + crypt.sign(ts, "77", echostr) + "&timestamp=" + ts +
          "&nonce=77&echostr=" + bot::percent_encode(echostr);
  const auto reply = h.call(c);
  CHECK(reply.status == 200);
  CHECK(reply.body == "8849209382057216");
}

TEST_CASE("WeCom loopback: staff @-mention the smart robot in their group and are answered in the callback",
          "[loopback][wecom]") {
  harness h;
  REQUIRE(has(h.app_says("liuyezhu", "报修 3-2-1201 厨房水管漏水", "7001234567890000001").text, "#1"));
  // 1:1 with the smart robot is the member's private chat.
  const auto mine = h.robot_says("", "liuyezhu", "我的工单", "CAIQ16HMjQYY/NGagIOAgAMg3");
  CHECK(has(mine.text, "#1"));
  // The group whose chatid the robot "维修班组群" declares is that robot's group.
  const auto list = h.robot_says("wrStaffGroup01", "zhangjingli", "工单列表", "CAIQ16HMjQYY/NGagIOAgAMg1");
  CHECK(list.status == 200);
  CHECK(has(list.text, "#1"));
  const auto taken = h.robot_says("wrStaffGroup01", "wangshifu", "接单 1", "CAIQ16HMjQYY/NGagIOAgAMg2");
  CHECK(has(taken.text, "#1"));
  CHECK(h.count("tickets WHERE state = 'new'") == 0);
  CHECK(h.count("chats WHERE platform = 'wecom' AND account = 'smart' AND kind = 'group'") == 0);
  // WeCom's retry of the same msgid gets the same answer and is done once.
  CHECK(h.robot_says("wrStaffGroup01", "wangshifu", "接单 1", "CAIQ16HMjQYY/NGagIOAgAMg2").text ==
        taken.text);
  // The owner, last heard through the smart robot, hears of it by app message, not the robot's
  // one-time response_url.
  REQUIRE(h.idle());
  REQUIRE(h.weixin.app_inbox["liuyezhu"].size() == 1);
  CHECK(has(h.weixin.app_inbox["liuyezhu"][0], "工单 #1 已由"));
  CHECK(h.weixin.responses.empty());
}

TEST_CASE(
    "WeCom loopback: a group the smart robot heard gets one later answer through response_url, then a clear "
    "failure",
    "[loopback][wecom]") {
  harness h;
  const auto bound = h.robot_says("wrOtherGroup", "zhaoadmin", "绑定小区 阳光花园 员工群", "CAIQ0001");
  CHECK(has(bound.text, "阳光花园"));
  REQUIRE(h.idle());
  // New tickets: the staff groups hear of them; this one only through the mention's response_url.
  h.app_says("liuyezhu", "报修 3-2-1201 厨房水管漏水", "7001234567890000011");
  REQUIRE(h.idle());
  REQUIRE(h.weixin.responses.size() == 1);
  CHECK(h.weixin.responses[0]["msgtype"] == "markdown");
  CHECK(has(h.weixin.responses[0]["markdown"]["content"], "#1"));
  CHECK_FALSE(has(h.weixin.responses[0]["markdown"]["content"], "1201"));
  h.app_says("liuyezhu", "报修 3-2-1201 卫生间灯不亮", "7001234567890000012");
  REQUIRE(h.idle());
  CHECK(h.weixin.responses.size() == 1);
  CHECK(
      h.count(
          "outbox WHERE account = 'smart' AND state = 'dead' AND last_error LIKE '%once, within an hour%'") ==
      1);
}

TEST_CASE(
    "WeCom loopback: notices and emergencies reach an owners' robot group, emergencies calling everyone",
    "[loopback][wecom]") {
  harness h;
  h.app_says("zhangjingli", "公告 5栋 停水通知 | 明天9:00-12:00停水检修", "7001234567890000031");
  REQUIRE(testing::run_until(h.io, [&] { return !h.weixin.robot_inbox.empty(); }));
  const auto notice = h.weixin.robot_inbox.front();
  CHECK(has(notice["text"]["content"], "停水"));
  CHECK_FALSE(notice["text"].contains("mentioned_list"));
  h.weixin.robot_inbox.clear();
  h.app_says("zhangjingli", "紧急 停电 5栋 预计18:00恢复", "7001234567890000032");
  REQUIRE(testing::run_until(h.io, [&] { return !h.weixin.robot_inbox.empty(); }));
  const auto alert = h.weixin.robot_inbox.front();
  CHECK(has(alert["text"]["content"], "18:00"));
  CHECK(alert["text"]["mentioned_list"] == nlohmann::json{"@all"});
}

TEST_CASE(
    "WeCom loopback: a notice to a customer group waits for staff to confirm the mass-send task, never "
    "reported early",
    "[loopback][wecom]") {
  harness h;
  const auto posted =
      h.app_says("zhangjingli", "公告 停水通知 | 明天9:00-12:00停水检修，请提前储水", "7001234567890000021");
  CHECK(has(posted.text, "#1"));
  REQUIRE(testing::run_until(h.io, [&] { return h.weixin.tasks.size() == 1; }));
  const auto& task = h.weixin.tasks[0];
  CHECK(task["sender"] == "wangshifu");
  CHECK(task["chat_id_list"] == nlohmann::json{"wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAA"});
  CHECK(has(task["text"]["content"], "停水"));
  // Polled, not confirmed: the report says so, and nothing counts as delivered.
  REQUIRE(testing::run_until(h.io, [&] { return h.weixin.task_polls >= 1; }));
  const auto waiting = h.app_says("zhangjingli", "公告 1 送达", "7001234567890000022");
  CHECK(has(waiting.text, "已送达 1/2"));  // the owners' robot group has it; the customer group waits
  CHECK(has(waiting.text, "等待工作人员在企业微信中确认发送"));
  CHECK(h.count("outbox WHERE account = 'customer' AND state = 'pending' AND attempts = 0") == 1);
  // The staff member taps send; the next poll sees it.
  h.weixin.confirmed.insert(task["msgid"].get<std::string>());
  REQUIRE(testing::run_until(
      h.io, [&] { return h.count("outbox WHERE account = 'customer' AND state = 'sent'") == 1; }));
  CHECK(h.weixin.tasks.size() == 1);  // one task, however many polls
  CHECK(has(h.app_says("zhangjingli", "公告 1 送达", "7001234567890000023").text, "已送达 2/2"));
}

TEST_CASE(
    "Official Account loopback: 报修 in safe mode is answered passively, later news by "
    "customer-service message",
    "[loopback][wechat_mp]") {
  harness h;
  const auto safe = h.mp_says("oOwner-safe", "报修 5栋电梯坏了，一直停在8楼", "9100000000000000001", true);
  CHECK(safe.status == 200);
  CHECK(has(safe.text, "#1"));
  // The plain signature does not cover the body: an account in safe mode refuses plain posts.
  const auto plain = h.mp_says("oOwner-plain", "我的工单", "9100000000000000002", false);
  CHECK(plain.status == 401);
  CHECK(h.count("inbound_seen") == 1);

  h.app_says("wangshifu", "接单 1", "7001234567890129999");
  REQUIRE(h.idle());
  REQUIRE(h.weixin.mp_inbox["oOwner-safe"].size() == 1);
  CHECK(has(h.weixin.mp_inbox["oOwner-safe"][0], "工单 #1 已由"));
}

TEST_CASE(
    "Official Account loopback: news for a user outside the 48-hour window is dead-lettered with that reason",
    "[loopback][wechat_mp]") {
  harness h;
  REQUIRE(has(h.mp_says("oQuiet", "报修 2栋楼道灯不亮", "9200000000000000001", true).text, "#1"));
  h.weixin.silent.insert("oQuiet");  // as if 48 hours had passed before staff acted
  h.app_says("wangshifu", "接单 1", "7001234567890128888");
  REQUIRE(h.idle());
  CHECK(h.weixin.mp_inbox["oQuiet"].empty());
  CHECK(h.count("outbox WHERE platform = 'wechat_mp' AND state = 'dead' AND last_error LIKE '%48 hours%'") ==
        1);
}

}  // namespace weixin_loopback_test
