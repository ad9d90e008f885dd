// The real server on 127.0.0.1 port 0 taking wechatbot-webhook's forms over real HTTP, and a fake
// bridge on loopback taking the bot's sends: every feature through a personal-WeChat group.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/scratch_db.hpp"
#include "support/wechatbot_harness.hpp"

namespace wechatbot_loopback_test {

using nlohmann::json;
using testing::wechatbot::harness;

namespace {

const std::string roles = R"(
[roles]
admins = ["wechatbot:alias:管理员"]
staff = ["wechatbot:alias:王师傅"]
)";

bool contains(const std::vector<std::string>& texts, const std::string& part) {
  for (const auto& t : texts)
    if (t.find(part) != std::string::npos) return true;
  return false;
}

// An admin registers the group (only registered groups get notices and emergencies).
void register_group(harness& h, const std::string& topic) {
  h.say(topic, "张经理", "绑定小区 阳光花园", "管理员");
  REQUIRE(h.idle());
  h.bridge.inbox.clear();
}

}  // namespace

TEST_CASE("wechatbot loopback: 报修 in a group is answered in that group, by its name, once",
          "[loopback][wechatbot]") {
  harness h;
  auto form = testing::wechatbot::fixture_form("room_text.form");
  REQUIRE(h.post(form).status == 200);
  REQUIRE(testing::run_until(h.io, [&] { return !h.bridge.inbox.empty(); }));
  const auto& got = h.bridge.inbox.front();
  CHECK(got.token == testing::wechatbot::api_token);
  CHECK(got.body["to"] == "3栋业主群");
  CHECK(got.body["isRoom"] == true);
  CHECK(got.body["data"]["type"] == "text");
  const std::string text = got.body["data"]["content"];
  CHECK(text.rfind("@王阿姨\u2005", 0) == 0);  // no real @ over the bridge: the name as text
  CHECK(text.find("已登记报修工单 #1") != std::string::npos);
  CHECK(text.find("1201") == std::string::npos);  // the room number stays out of the group
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 1; }));
  CHECK(h.count("chats WHERE title = '3栋业主群'") == 1);

  SECTION("the same form delivered again is acknowledged and processed once") {
    CHECK(h.post(form).status == 200);
    REQUIRE(h.idle());
    CHECK(h.count("tickets") == 1);
    CHECK(h.count("outbox") == 1);
    CHECK(h.count("inbound_seen") == 1);
    CHECK(h.bridge.inbox.size() == 1);
  }
}

TEST_CASE("wechatbot loopback: without the token or with a broken form nothing is stored",
          "[loopback][wechatbot]") {
  harness h;
  const auto members = h.count("members");
  auto form = testing::wechatbot::fixture_form("room_text.form");
  CHECK(h.post(form, "").status == 401);
  CHECK(h.post(form, "recvd-token-7a9").status == 401);
  CHECK(h.post(form, "recvd-token-7a9cc").status == 401);
  CHECK(h.post({form.content_type, form.body.substr(0, form.body.size() / 2)}).status == 400);
  CHECK(h.post({"application/json", R"({"type":"text","content":"报修 漏水"})"}).status == 400);
  CHECK(h.post({form.content_type, std::string(20000, 'x')}).status == 413);
  CHECK(h.count("members") == members);
  CHECK(h.count("chats") == 0);
  CHECK(h.count("inbound_seen") == 0);
  CHECK(h.count("tickets") == 0);
  CHECK(h.count("outbox") == 0);
  CHECK(h.bridge.inbox.empty());
}

TEST_CASE("wechatbot loopback: a notice from staff reaches the registered group by its name",
          "[loopback][wechatbot][notice]") {
  harness h(roles);
  register_group(h, "3栋业主群");
  h.say("", "王建国", "公告 停水通知 | 明天9:00-12:00 3栋停水检修", "王师傅");
  REQUIRE(h.idle());
  auto group = h.bridge.to("3栋业主群");
  REQUIRE(group.size() == 1);
  CHECK(group[0].find("【物业公告 #1】停水通知") != std::string::npos);
  CHECK(group[0].find("明天9:00-12:00 3栋停水检修") != std::string::npos);
  // Staff hear back privately, by the remark the bot's WeChat gave them.
  CHECK_FALSE(h.bridge.to(json{{"alias", "王师傅"}}).empty());
  CHECK(h.bridge.to("5栋业主群").empty());  // not registered: no notice
}

TEST_CASE("wechatbot loopback: an emergency goes out first as @所有人 text, and 收到 is counted",
          "[loopback][wechatbot][emergency]") {
  harness h(roles);
  register_group(h, "3栋业主群");
  h.say("", "王建国", "紧急 停电 3栋 配电箱故障，预计 18:00 恢复", "王师傅");
  REQUIRE(h.idle());
  auto alert = h.bridge.to("3栋业主群");
  REQUIRE(alert.size() == 1);
  CHECK(alert[0].rfind("@所有人\u2005【紧急通知 #1】停电", 0) == 0);
  CHECK(alert[0].find("收到请回复“收到”") != std::string::npos);

  h.say("3栋业主群", "王阿姨", "收到");
  h.say("3栋业主群", "李叔", "收到，谢谢");
  REQUIRE(h.idle());
  CHECK(h.service->state().db.emergencies.ack_count(1) == 2);
  CHECK(h.bridge.to("3栋业主群").size() == 1);  // acknowledgements get no reply in the group
}

TEST_CASE("wechatbot loopback: suggestions in private chat, named and through the box",
          "[loopback][wechatbot][suggestion]") {
  harness h;
  h.say("", "赵女士", "建议 小区门口增加一个快递柜");
  REQUIRE(h.idle());
  CHECK(contains(h.bridge.to("赵女士"), "已登记建议 #1"));
  CHECK(h.bridge.inbox.back().body["isRoom"] == false);

  h.say("", "赵女士", "匿名建议 希望夜里多巡逻几次");
  REQUIRE(testing::run_until(h.io, [&] { return contains(h.bridge.to("赵女士"), "已收到您的匿名建议"); }));
  // Delivered, then forgotten: no outbox row is left that ties 赵女士 to the box.
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE sealed_target IS NOT NULL") == 0; }));
}

TEST_CASE("wechatbot loopback: a reply to a group the bridge cannot find is dead-lettered with its reason",
          "[loopback][wechatbot]") {
  harness h;
  h.bridge.rooms.erase("3栋业主群");  // renamed between the message and the reply
  h.say("3栋业主群", "王阿姨", "报修 3-2-1201 厨房水管漏水");
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'dead'") == 1; }));
  auto reason = testing::sql_text(h.service->state().database, "SELECT last_error FROM outbox");
  CHECK(reason == "Room is not found");
  CHECK(h.bridge.inbox.size() == 1);  // refused once, not tried again
}

TEST_CASE("wechatbot loopback: a logout shows in /healthz, sends wait for the login and then go",
          "[loopback][wechatbot][health]") {
  harness h;
  REQUIRE(h.post(testing::wechatbot::fixture_form("system_login.form")).status == 200);
  auto up = h.health()["adapters"]["wechatbot"];
  CHECK(up["user"] == "物业小助手");
  CHECK(up["account"]["online"] == true);
  CHECK(up["account"]["state"] == "ok");

  REQUIRE(h.post(testing::wechatbot::fixture_form("system_logout.form")).status == 200);
  CHECK(h.health()["adapters"]["wechatbot"]["account"]["state"] == "offline");
  h.bridge.logged_in = false;
  h.say("3栋业主群", "王阿姨", "我的工单");
  // The bridge says "you must login first": the reply waits without using its attempts.
  REQUIRE(testing::run_until(h.io, [&] { return !h.health()["outbox"]["unreachable"].empty(); }));
  CHECK(h.count("outbox WHERE state = 'pending' AND attempts = 0") == 1);

  h.bridge.logged_in = true;
  REQUIRE(h.post(testing::wechatbot::fixture_form("system_login.form")).status == 200);
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 1; }));
  CHECK(h.bridge.to("3栋业主群").size() == 1);
  CHECK(h.health()["adapters"]["wechatbot"]["account"]["state"] == "ok");
}

TEST_CASE("wechatbot loopback: a group renamed within a login is shown in /healthz to be registered again",
          "[loopback][wechatbot][health]") {
  harness h;
  REQUIRE(h.post(testing::wechatbot::text_form("3栋业主群", "王阿姨", "大家好", "", "@@a1")).status == 200);
  REQUIRE(h.post(testing::wechatbot::text_form("3栋业主交流群", "王阿姨", "大家好", "", "@@a1")).status ==
          200);
  auto rooms = h.health()["adapters"]["wechatbot"]["rooms"];
  CHECK(rooms["renamed"] == json::array({{{"from", "3栋业主群"}, {"to", "3栋业主交流群"}}}));
  // Two chats now: the new name is a group nobody registered.
  CHECK(h.count("chats WHERE kind = 'group'") == 2);
}

}  // namespace wechatbot_loopback_test
