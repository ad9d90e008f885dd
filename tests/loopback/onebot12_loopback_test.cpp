// The real estatebot app and a fake OneBot 12 implementation shaped like ComWeChatBotClient on the
// other side of real sockets: the reverse WebSocket (with its 12.<impl> subprotocol), the HTTP
// Webhook (with ComWeChat's JSON-in-a-string body), refusals, duplicates, refused segments, and
// the features owners and staff use through it.
#include "support/onebot12_harness.hpp"

using nlohmann::json;
namespace onebot12_loopback_test {

using namespace testing::onebot12;

namespace {

bool has_segment(const json& call, const std::string& type) {
  for (const auto& seg : call["params"]["message"])
    if (seg["type"] == type) return true;
  return false;
}

std::vector<json> sends_to(const testing::fake_ws_client& c, const std::string& key, const std::string& id) {
  std::vector<json> out;
  for (const auto& call : c.calls)
    if (call["action"] == "send_message" && call["params"].value(key, "") == id) out.push_back(call);
  return out;
}

}  // namespace

TEST_CASE(
    "loopback onebot12: 报修 in a WeChat group gets one send_message with the ticket and an @ after the text "
    "(ComWeChat makes only those real), a repeated delivery is processed once",
    "[loopback][onebot12]") {
  harness h;
  auto wx = h.connect_ready();
  CHECK(wx->subprotocol == "12.ComWeChat");  // the implementation's own subprotocol, answered
  h.say(*wx, message("6408129473852917723", "wxid_owner01", "报修 3-2-1201 厨房水管漏水"));
  REQUIRE(testing::run_until(h.io, [&] { return wx->calls.size() == 1; }));
  const json call = wx->calls[0];
  CHECK(call["action"] == "send_message");
  CHECK(call["self"] == json{{"platform", "wechat"}, {"user_id", "wxid_bot001"}});
  CHECK(call["params"]["detail_type"] == "group");
  CHECK(call["params"]["group_id"] == owners_group);
  REQUIRE(call["params"]["message"].size() == 2);  // no quote: ComWeChat has none
  CHECK(call["params"]["message"][1] == json{{"type", "mention"}, {"data", {{"user_id", "wxid_owner01"}}}});
  CHECK(text_of(call).find("#1") != std::string::npos);
  CHECK(text_of(call).find("1201") == std::string::npos);  // no room number in a group
  h.answer(*wx, call, 0);                                  // ComWeChat: ok, data null
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 1; }));

  // The same event again over the HTTP Webhook: answered 204, not processed a second time.
  CHECK(h.post(message("6408129473852917723", "wxid_owner01", "报修 3-2-1201 厨房水管漏水").dump()).status ==
        204);
  h.say(*wx, message("6408129473852917724", "wxid_owner02", "我的工单"));  // a barrier
  REQUIRE(testing::run_until(h.io, [&] { return wx->calls.size() == 2; }));
  CHECK(h.count("tickets") == 1);
  CHECK(text_of(wx->calls[1]).find("#1") == std::string::npos);  // the second owner has no ticket
}

TEST_CASE("loopback onebot12: without the access token nothing is stored, malformed events are 400",
          "[loopback][onebot12]") {
  harness h;
  CHECK(h.connect("Bearer wrong")->handshake_status == 401);
  CHECK(h.connect("")->handshake_status == 401);
  const std::string body = message("1", "wxid_owner01", "报修 5-1-802 楼道灯不亮").dump();
  CHECK(h.post(body, "").status == 401);
  CHECK(h.post(body, "Bearer wrong").status == 401);
  CHECK(h.count("inbound_seen") == 0);
  CHECK(h.count("tickets") == 0);

  CHECK(h.post("{\"type\":", std::string("Bearer ") + token).status == 400);
  json no_self = message("2", "wxid_owner01", "我的工单");
  no_self.erase("self");
  CHECK(h.post(no_self.dump()).status == 400);
  json stranger = message("3", "wxid_owner01", "我的工单");
  stranger["self"]["user_id"] = "wxid_someone_else";  // an account not in self_ids
  CHECK(h.post(stranger.dump()).status == 403);
  CHECK(h.count("inbound_seen") == 0);

  // ComWeChatBotClient posts its event as a JSON string holding the event: read all the same.
  bot::http_call c;
  c.url = fmt::format("http://127.0.0.1:{}/onebot12?access_token={}", h.port, token);
  c.body = json(body).dump();
  c.headers = {{"Content-Type", "application/json"}};
  CHECK(h.request(c).status == 204);
  CHECK(h.count("tickets") == 1);
  CHECK(h.count("outbox WHERE state = 'pending'") == 1);  // no WebSocket, no HTTP endpoint: it waits
  CHECK(h.health()["accounts"][account]["state"] == "no_route");
}

TEST_CASE(
    "loopback onebot12: a refused reply segment sends the message again without the quote, and that "
    "account's later messages leave it out",
    "[loopback][onebot12]") {
  harness h;
  auto wx = h.connect_ready("SomeBridge");
  h.say(*wx, message("101", "wxid_owner01", "报修 3-2-1201 厨房水管漏水"));
  REQUIRE(testing::run_until(h.io, [&] { return wx->calls.size() == 1; }));
  CHECK(has_segment(wx->calls[0], "reply"));
  h.answer(*wx, wx->calls[0], 10005, nullptr, "不支持的消息段:reply");
  REQUIRE(testing::run_until(h.io, [&] { return wx->calls.size() == 2; }));
  CHECK_FALSE(has_segment(wx->calls[1], "reply"));
  CHECK(has_segment(wx->calls[1], "mention"));  // only what was refused is left out
  CHECK(text_of(wx->calls[1]).find("#1") != std::string::npos);
  h.answer(*wx, wx->calls[1], 0);
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 1; }));
  CHECK(h.count("outbox WHERE state = 'dead'") == 0);

  h.say(*wx, message("102", "wxid_owner01", "我的工单"));
  REQUIRE(testing::run_until(h.io, [&] { return wx->calls.size() == 3; }));
  CHECK_FALSE(has_segment(wx->calls[2], "reply"));
}

TEST_CASE(
    "loopback onebot12: 公告 reaches the bound WeChat group, 紧急 goes with @all and 收到 is counted, "
    "匿名建议 in private chat reaches the box anonymously",
    "[loopback][onebot12]") {
  harness h("[roles]\nadmins = [\"onebot12:wechat:wxid_admin\"]\nstaff = [\"onebot12:wechat:wxid_staff\"]\n");
  auto wx = h.connect_ready();
  h.say(*wx, message("201", "wxid_admin", "绑定小区 阳光花园"));
  h.say(*wx, message("202", "wxid_staff", "公告 停水通知 | 明天9:00-12:00 3栋停水检修", ""));
  h.settle(*wx);
  bool notice_in_group = false;
  for (const auto& call : sends_to(*wx, "group_id", owners_group))
    notice_in_group = notice_in_group || text_of(call).find("【物业公告 #1】停水通知") != std::string::npos;
  CHECK(notice_in_group);

  const std::size_t before_alert = wx->calls.size();
  h.say(*wx, message("203", "wxid_staff", "紧急 停电 3栋", ""));
  h.settle(*wx);
  json alert;
  for (std::size_t i = before_alert; i < wx->calls.size(); ++i)
    if (wx->calls[i]["params"].value("group_id", "") == owners_group) alert = wx->calls[i];
  REQUIRE(alert.is_object());
  CHECK(has_segment(alert, "mention_all"));
  h.say(*wx, message("204", "wxid_owner01", "收到"));
  CHECK(h.count("emergency_acks") == 1);

  h.say(*wx, message("205", "wxid_owner01", "匿名建议 小区东门晚上太暗，希望加装路灯", ""));
  CHECK(h.count("suggestion_inbox") == 1);
  // The way back to the writer is sealed in its outbox row and opened only to send.
  REQUIRE(testing::run_until(h.io, [&] {
    for (; h.answered < wx->calls.size(); ++h.answered) h.answer(*wx, wx->calls[h.answered], 0);
    return !sends_to(*wx, "user_id", "wxid_owner01").empty();
  }));
  CHECK(text_of(sends_to(*wx, "user_id", "wxid_owner01").back()).find("匿名建议") != std::string::npos);
}

TEST_CASE(
    "loopback onebot12: replies wait while the bridge is gone and go out when it reconnects, /healthz "
    "shows what status_update says",
    "[loopback][onebot12]") {
  harness h;
  auto wx = h.connect_ready();
  wx->send({{"id", "s1"},
            {"time", 1764547200.5},
            {"type", "meta"},
            {"detail_type", "status_update"},
            {"sub_type", ""},
            {"status",
             {{"good", true},
              {"bots", json::array({{{"self", {{"platform", "wechat"}, {"user_id", bot_id}}},
                                     {"online", false}}})}}}});
  REQUIRE(testing::run_until(h.io, [&] { return h.health()["accounts"][account]["state"] == "offline"; }));
  wx->drop();
  REQUIRE(testing::run_until(h.io, [&] { return h.health()["accounts"][account]["ws_connected"] == false; }));

  CHECK(h.post(message("301", "wxid_owner01", "我的工单").dump()).status == 204);
  CHECK(h.count("outbox WHERE state = 'pending'") == 1);
  auto back = h.connect_ready();
  REQUIRE(testing::run_until(h.io, [&] { return back->calls.size() == 1; }));
  CHECK(back->calls[0]["params"]["group_id"] == owners_group);
  h.answer(*back, back->calls[0], 0);
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 1; }));
}

TEST_CASE(
    "loopback onebot12: without a WebSocket, replies go to the HTTP action endpoint with the token and self",
    "[loopback][onebot12]") {
  harness h("", true);
  CHECK(h.post(message("401", "wxid_owner01", "我的工单").dump()).status == 204);
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 1; }));
  std::vector<std::pair<std::string, json>> sends;  // the group's name is asked for too (get_group_info)
  for (const auto& p : h.api->posts)
    if (p.second["action"] == "send_message") sends.push_back(p);
  REQUIRE(sends.size() == 1);
  const auto& [auth, body] = sends[0];
  CHECK(auth == std::string("Bearer ") + token);
  CHECK(body["action"] == "send_message");
  CHECK(body["self"] == json{{"platform", "wechat"}, {"user_id", bot_id}});
  CHECK(body["params"]["group_id"] == owners_group);
  CHECK_FALSE(body.contains("echo"));
  CHECK(h.health()["accounts"][account]["http_api"] == true);
}

TEST_CASE(
    "loopback onebot12: with self_ids empty the bridge's accounts are learned, and one bot's message is "
    "never a command to another",
    "[loopback][onebot12]") {
  harness h("", false, false);
  json second = message("501", "wxid_owner01", "我的工单");
  second["self"]["user_id"] = "wxid_bot002";  // a second account of the same bridge, in the same group
  CHECK(h.post(second.dump()).status == 204);
  CHECK(h.count("outbox") == 1);  // its owner is answered (the reply waits: no route yet)
  CHECK(h.health()["accounts"].contains("wechat:wxid_bot002"));

  // The first account hears the second one's reply in the group: the bot talking, not a command.
  CHECK(h.post(message("502", "wxid_bot002", "我的工单").dump()).status == 204);
  CHECK(h.count("outbox") == 1);
}

}  // namespace onebot12_loopback_test
