// The real estatebot app on 127.0.0.1 port 0 with the OneBot adapter, and fake OneBot clients on
// the other side of real sockets: a reverse-WebSocket client that sends events and answers API
// calls (out of order, or not at all), and an HTTP API sink that answers with chosen retcodes.
#include <SQLiteCpp/Database.h>

#include "support/onebot_harness.hpp"
#include "support/scratch_db.hpp"

using nlohmann::json;
namespace onebot_loopback_test {

using namespace testing::onebot;

TEST_CASE(
    "loopback onebot: 报修 over the reverse WebSocket gets exactly one send_group_msg with the ticket, an @ "
    "and a quote, answers may come back out of order",
    "[loopback][onebot]") {
  harness h;
  auto qq = h.connect();
  REQUIRE(qq->handshake_status == 101);
  qq->send(lifecycle_connect());
  qq->send(group_message(-1184223170, 880001, 2200334455, "报修 3-2-1201 电梯异响"));
  qq->send(group_message(702212345, 880002, 1912345678, "我的工单", "李叔"));
  REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 2; }));

  // The second call is answered first: each answer must reach its own row through the echo.
  const json first = qq->calls[0], second = qq->calls[1];
  CHECK(first["echo"] != second["echo"]);
  qq->answer(second, 0, -222);
  qq->answer(first, 0, -111);
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 2; }));
  std::string ids;
  for (auto q = h.service->state().database.query(
           "SELECT chat_id, platform_message_id FROM outbox ORDER BY chat_id");
       q.executeStep();)
    ids += (ids.empty() ? "" : " ") + q.getColumn(0).getString() + "=" + q.getColumn(1).getString();
  const json& repair = first["params"]["group_id"] == 880001 ? first : second;
  const json& other = first["params"]["group_id"] == 880001 ? second : first;
  CHECK(ids ==
        fmt::format("880001={} 880002={}", &repair == &first ? -111 : -222, &other == &first ? -111 : -222));

  CHECK(repair["action"] == "send_group_msg");
  CHECK(has_segment(repair, "reply", "id", "-1184223170"));
  CHECK(has_segment(repair, "at", "qq", "2200334455"));
  CHECK(text_of(repair).find("#1") != std::string::npos);
  CHECK(text_of(repair).find("1201") == std::string::npos);  // no room number in a group
  CHECK(h.count("tickets") == 1);

  SECTION("the same event delivered again (a client's retry, here over HTTP POST) is processed once") {
    auto again = group_message(-1184223170, 880001, 2200334455, "报修 3-2-1201 电梯异响");
    CHECK(h.post(again.dump()).status == 204);
    qq->send(again);
    // A later message is the barrier: a duplicate reply would have been sent before its answer.
    qq->send(group_message(702212399, 880003, 1912345678, "我的工单", "李叔"));
    REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 3; }));
    CHECK(qq->calls[2]["params"]["group_id"] == 880003);
    CHECK(h.calls_to(*qq, 880001).size() == 1);
    CHECK(h.count("tickets") == 1);
  }
}

TEST_CASE("loopback onebot: a dropped and re-established WebSocket loses no reply", "[loopback][onebot]") {
  harness h;
  auto qq = h.connect();
  qq->send(group_message(101, 880001, 2200334455, "我的工单"));
  REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 1; }));
  qq->drop();  // the call was sent and never answered
  REQUIRE(testing::run_until(
      h.io, [&] { return h.health()["adapters"]["onebot"]["accounts"][bot_qq]["ws_connected"] == false; }));

  // While the link is down an event arrives by HTTP POST: its reply waits in the outbox.
  CHECK(h.post(group_message(102, 880002, 1912345678, "报修 5-1-802 楼道灯不亮", "李叔").dump()).status ==
        204);
  auto health = h.health()["adapters"]["onebot"]["accounts"][bot_qq];
  CHECK(health["state"] == "no_route");
  CHECK(h.count("outbox WHERE state = 'pending'") == 2);

  auto back = h.connect();
  REQUIRE(testing::run_until(h.io, [&] {
    for (const auto& call : back->calls)
      if (!call.contains("answered")) {
        back->answer(call, 0, call["params"]["group_id"]);
        const_cast<json&>(call)["answered"] = true;
      }
    return h.count("outbox WHERE state = 'sent'") == 2;
  }));
  CHECK(h.calls_to(*back, 880001).size() == 1);
  CHECK(h.calls_to(*back, 880002).size() == 1);
  CHECK(text_of(h.calls_to(*back, 880002)[0]).find("#1") != std::string::npos);
  CHECK(h.count("outbox WHERE state != 'sent'") == 0);
  CHECK(
      testing::sql_int(h.service->state().database, "SELECT attempts FROM outbox WHERE chat_id = '880001'") ==
      2);  // the unanswered call counted as an attempt that may have gone out
}

TEST_CASE("loopback onebot: split API and Event connections (go-cqhttp, Token scheme) work together",
          "[loopback][onebot]") {
  harness h;
  auto api = h.connect("API", std::string("Token ") + token);
  auto events = h.connect("Event", std::string("Token ") + token);
  REQUIRE(api->open);
  REQUIRE(events->open);
  events->send(lifecycle_connect());
  events->send(group_message(201, 880001, 2200334455, "我的工单"));
  REQUIRE(testing::run_until(h.io, [&] { return api->calls.size() == 1; }));
  api->answer(api->calls[0], 0, 9);
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 1; }));
  CHECK(events->calls.empty());
  auto health = h.health()["adapters"]["onebot"]["accounts"][bot_qq];
  CHECK(health["ws_links"] == json::array({"API", "Event"}));
  CHECK(health["lifecycle"] == "connect");
}

TEST_CASE("loopback onebot: the WebSocket handshake is refused without the right token or X-Self-ID",
          "[loopback][onebot]") {
  harness h;
  CHECK(h.connect("Universal", "Bearer wrong")->handshake_status == 403);
  CHECK(h.connect("Universal", "")->handshake_status == 401);
  auto c = std::make_shared<testing::fake_ws_client>(h.io);
  c->connect(h.port, "/onebot/ws?access_token=ws-token", {{"X-Client-Role", "Universal"}});
  REQUIRE(testing::run_until(h.io, [&] { return c->open || c->ended; }));
  CHECK(c->handshake_status == 400);
  auto q = std::make_shared<testing::fake_ws_client>(h.io);
  q->connect(h.port, "/onebot/ws?access_token=ws-token", {{"X-Self-ID", bot_qq}});
  REQUIRE(testing::run_until(h.io, [&] { return q->open || q->ended; }));
  CHECK(q->handshake_status == 101);
}

TEST_CASE("loopback onebot: HTTP POST refusals store nothing, duplicates are processed once",
          "[loopback][onebot]") {
  harness h;
  const std::string body = group_message(301, 880001, 2200334455, "报修 3-2-1201 电梯异响").dump();
  auto members = h.count("members");
  CHECK(h.post(body, "").status == 400);
  CHECK(h.post(body, bot_qq, "").status == 401);
  CHECK(h.post(body, bot_qq, "sha1=" + std::string(40, 'f')).status == 403);
  CHECK(h.post(body, "10001").status == 403);  // not one of self_ids
  CHECK(h.post("{\"self_id\": 3889001234, \"post_type\":").status == 400);
  CHECK(h.post(json{{"self_id", 3889001234LL}, {"post_type", "message"}, {"message_type", "group"}}.dump())
            .status == 400);
  json big = group_message(302, 880001, 2200334455, std::string(9000, 'x'));
  CHECK(h.post(big.dump()).status == 413);
  CHECK(h.count("members") == members);
  CHECK(h.count("inbound_seen") == 0);
  CHECK(h.count("tickets") == 0);
  CHECK(h.count("outbox") == 0);

  CHECK(h.post(body).status == 204);
  CHECK(h.post(body).status == 204);  // go-cqhttp re-posts after a timeout
  CHECK(h.count("tickets") == 1);
  CHECK(h.count("outbox") == 1);

  CHECK(h.post(heartbeat().dump()).status == 204);
  auto account = h.health()["adapters"]["onebot"]["accounts"][bot_qq];
  CHECK(account["heartbeat_interval_ms"] == 30000);
  CHECK(account["online"] == true);
  CHECK(account["state"] == "no_route");  // no WebSocket and no HTTP API: the reply waits
  CHECK(h.post(json{{"time", 1},
                    {"self_id", 3889001234LL},
                    {"post_type", "request"},
                    {"request_type", "friend"},
                    {"user_id", 20002},
                    {"comment", "hi"},
                    {"flag", "f"}}
                   .dump())
            .status == 204);
}

TEST_CASE(
    "loopback onebot: talk the bot answered is answered once when delivered again, and talk that "
    "changed nothing leaves no trace",
    "[loopback][onebot]") {
  harness h;
  CHECK(h.post(group_message(310, 880001, 2200334455, "大家晚上好").dump()).status == 204);
  const auto seen = h.count("inbound_seen");  // a first word from someone new records them, and its id
  CHECK(h.post(group_message(311, 880001, 2200334455, "今天好热").dump()).status == 204);
  CHECK(h.post(group_message(311, 880001, 2200334455, "今天好热").dump()).status == 204);
  CHECK(h.count("outbox") == 0);
  CHECK(h.count("inbound_seen") == seen);  // no id kept for talk nobody answered

  // Asked with the prefix, the bot answers that there is no such command: a retry of the same
  // event must not answer twice.
  const std::string asked = group_message(312, 880001, 2200334455, "/天气怎么样").dump();
  CHECK(h.post(asked).status == 204);
  CHECK(h.post(asked).status == 204);
  CHECK(h.count("outbox") == 1);
  CHECK(h.count("inbound_seen") == seen + 1);
}

TEST_CASE(
    "loopback onebot: over the HTTP API, a risk-control answer (retcode 1200) pauses the account and is "
    "retried later, not lost",
    "[loopback][onebot]") {
  harness h(true, "", true);
  int answered = 0;
  h.sink->answer = [&](const testing::fake_http_api::call&) { return answered++ == 0 ? 1200 : 0; };
  CHECK(h.post(group_message(401, 880001, 2200334455, "报修 3-2-1201 电梯异响").dump()).status == 204);
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE attempts = 1") == 1; }));
  const bot::chat_ref group{"onebot", bot_qq, bot::chat_kind::group, "880001"};
  auto* channel = h.service->state().outbox.channel_for("onebot");
  CHECK_FALSE(channel->ready(group));  // the whole account waits, not only this message
  auto account = h.health()["adapters"]["onebot"]["accounts"][bot_qq];
  CHECK(account["state"] == "paused");
  CHECK(account["risk_control"]["strikes"] == 1);
  CHECK(h.service->state().db.outbox.get(1)->last_error.find("1200") != std::string::npos);
  CHECK(h.sink->calls.size() == 1);

  h.manual.advance_ms(30'001);
  CHECK(channel->ready(group));
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 1; }));
  const auto& calls = h.sink->calls;
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].action == "send_group_msg");
  CHECK(calls[0].params == calls[1].params);  // the same message, sent again after the pause
  CHECK(calls[0].params["group_id"] == 880001);
  CHECK(calls[0].authorization == std::string("Bearer ") + token);
  auto row = h.service->state().db.outbox.get(1);
  REQUIRE(row);
  CHECK(row->attempts == 2);
  CHECK(row->platform_message_id == "1002");
  CHECK(h.health()["adapters"]["onebot"]["accounts"][bot_qq]["state"] == "ok");
}

TEST_CASE(
    "loopback onebot: @all that the client refuses goes out again as plain text, recalls become delete_msg",
    "[loopback][onebot]") {
  harness h;
  auto qq = h.connect();
  auto& core = h.service->state();
  const bot::chat_ref group{"onebot", bot_qq, bot::chat_kind::group, "880001"};
  bot::outgoing alert = bot::outgoing::plain("【紧急通知】3栋停电，预计18:00恢复");
  alert.mention_all = true;
  core.db.outbox.enqueue(group, alert, storage::priority::emergency, "emergency:1", h.clock.now_ms());
  core.outbox.pump();
  REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 1; }));
  CHECK(has_segment(qq->calls[0], "at", "qq", "all"));
  qq->answer(qq->calls[0], 200);  // not an admin of this group
  REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 2; }));
  CHECK_FALSE(has_segment(qq->calls[1], "at", "qq", "all"));
  CHECK(text_of(qq->calls[1]) == "【紧急通知】3栋停电，预计18:00恢复");
  qq->answer(qq->calls[1], 0, 777);
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 1; }));

  SECTION("the next emergency in that group goes out plain at once") {
    core.db.outbox.enqueue(group, alert, storage::priority::emergency, "emergency:2", h.clock.now_ms());
    core.outbox.pump();
    REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 3; }));
    CHECK_FALSE(has_segment(qq->calls[2], "at", "qq", "all"));
  }
  SECTION("a recall of the sent message is a delete_msg with its id") {
    CHECK(h.service->state().outbox.channel_for("onebot")->can_recall());
    bot::outgoing recall;
    recall.recall_id = core.db.outbox.get(1)->platform_message_id;
    core.db.outbox.enqueue(group, recall, storage::priority::reply, "recall:1", h.clock.now_ms());
    core.outbox.pump();
    REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 3; }));
    CHECK(qq->calls[2]["action"] == "delete_msg");
    CHECK(qq->calls[2]["params"]["message_id"] == 777);
    qq->send(json{{"status", "ok"}, {"retcode", 0}, {"data", nullptr}, {"echo", qq->calls[2]["echo"]}});
    REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 2; }));
  }
}

TEST_CASE(
    "loopback onebot: an admin registers a QQ group in the group, newcomers are welcomed, a kick stops it",
    "[loopback][onebot]") {
  harness h(false, "[roles]\nadmins = [\"onebot:10086\"]", true);
  auto qq = h.connect();
  auto answer_all = [&](std::size_t n) {
    REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == n; }));
    qq->answer(qq->calls[n - 1], 0, static_cast<int>(n));
  };
  qq->send(group_message(601, 880001, 10086, "绑定小区 阳光花园 3栋", "物业管理员"));
  answer_all(1);
  CHECK(text_of(qq->calls[0]).find("阳光花园") != std::string::npos);

  qq->send({{"time", 1764547300},
            {"self_id", 3889001234LL},
            {"post_type", "notice"},
            {"notice_type", "group_increase"},
            {"sub_type", "approve"},
            {"group_id", 880001},
            {"operator_id", 0},
            {"user_id", 2233445566LL}});
  REQUIRE(testing::run_until(h.io, [&] { return h.count("jobs WHERE kind = 'welcome'") == 1; }));
  h.manual.advance_ms(31'000);
  qq->send(group_message(602, 880001, 2200334455, "大家好"));  // any event wakes the scheduler
  answer_all(2);
  CHECK(has_segment(qq->calls[1], "at", "qq", "2233445566"));
  CHECK(text_of(qq->calls[1]).find("绑定") != std::string::npos);

  qq->send({{"time", 1764547400},
            {"self_id", 3889001234LL},
            {"post_type", "notice"},
            {"notice_type", "group_decrease"},
            {"sub_type", "kick_me"},
            {"group_id", 880001},
            {"operator_id", 10086},
            {"user_id", 3889001234LL}});
  REQUIRE(testing::run_until(h.io,
                             [&] { return h.count("chats WHERE chat_id = '880001' AND active = 0") == 1; }));
}

TEST_CASE("loopback onebot: go-cqhttp's CQ strings: @物业助手 我的工单 and /ticket 1 answer the owner",
          "[loopback][onebot]") {
  harness h;
  auto qq = h.connect("Universal", std::string("Token ") + token);
  auto say = [&](std::int64_t id, const std::string& cq) {
    json e = group_message(id, 880002, 20002, "", "Zhang");
    e["message"] = cq;
    e["raw_message"] = cq;
    e["font"] = 0;
    qq->send(e);
    const std::size_t n = qq->calls.size() + 1;
    REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == n; }));
    qq->answer(qq->calls.back(), 0, -static_cast<int>(id));
    return qq->calls.back();
  };
  auto created = say(-5001, "报修 5-1-802 楼道灯不亮");
  CHECK(text_of(created).find("#1") != std::string::npos);
  auto mine = say(-5002, "[CQ:at,qq=3889001234] 我的工单");
  CHECK(text_of(mine).find("#1") != std::string::npos);
  CHECK(has_segment(mine, "reply", "id", "-5002"));
  auto shown = say(-5003, "/ticket 1");
  CHECK(text_of(shown).find("#1") != std::string::npos);
  CHECK(text_of(shown).find("State") != std::string::npos);  // an English command answers in English
}

}  // namespace onebot_loopback_test
