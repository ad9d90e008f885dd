// What estatebot sends to a OneBot 12 implementation and how it reads the answers: segment arrays
// with ids back on the wire, the `self` of the account, and the retcode classes of the spec.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/onebot12/actions.hpp"
#include "adapters/onebot12/segments.hpp"

namespace onebot12_actions_test {

using namespace adapters::onebot12;
using nlohmann::json;
using status = bot::send_result::status;

namespace {

const std::string account = "wechat:wxid_bot001";

answer answered(int retcode, json data = nullptr, const std::string& message = "") {
  answer a;
  a.body = {
      {"status", retcode == 0 ? "ok" : "failed"}, {"retcode", retcode}, {"data", data}, {"message", message}};
  return a;
}

}  // namespace

TEST_CASE("onebot12: a reply renders as reply, mention and text with wire ids", "[onebot12][adapter]") {
  bot::outgoing o = bot::outgoing::plain("已登记报修 #1");
  o.quote_id = "6408129473852917723";
  o.mentions = {{"wechat:wxid_owner01", "王阿姨"}};
  json segs = render(o, account, {});
  REQUIRE(segs.size() == 3);
  CHECK(segs[0] == json{{"type", "reply"}, {"data", {{"message_id", "6408129473852917723"}}}});
  CHECK(segs[1] == json{{"type", "mention"}, {"data", {{"user_id", "wxid_owner01"}}}});
  CHECK(segs[2]["data"]["text"] == " 已登记报修 #1");

  SECTION("without optional segments the quote goes and the mention becomes @name text") {
    json plain = render(o, account, {false, false, false});
    REQUIRE(plain.size() == 2);
    CHECK(plain[0]["data"]["text"] == "@王阿姨");
    CHECK(plain[1]["data"]["text"] == " 已登记报修 #1");
  }
  SECTION("an emergency's @all is a mention_all segment") {
    bot::outgoing alert = bot::outgoing::plain("【紧急通知】3栋停电");
    alert.mention_all = true;
    CHECK(render(alert, account, {})[0]["type"] == "mention_all");
  }
}

TEST_CASE("onebot12: ComWeChatBotClient gets no quote and its @s after the text, where it makes them real",
          "[onebot12][adapter]") {
  const render_options comwechat = options_for("ComWechat");
  CHECK_FALSE(comwechat.quote);
  CHECK(comwechat.mentions_last);
  CHECK(options_for("Walle-Q").quote);
  bot::outgoing o = bot::outgoing::plain("已登记报修 #1");
  o.quote_id = "6408129473852917723";
  o.mentions = {{"wechat:wxid_owner01", "王阿姨"}};
  json segs = render(o, account, comwechat);
  REQUIRE(segs.size() == 2);
  CHECK(segs[0]["data"]["text"] == "已登记报修 #1 ");
  CHECK(segs[1] == json{{"type", "mention"}, {"data", {{"user_id", "wxid_owner01"}}}});
}

TEST_CASE("onebot12: actions carry self over both transports", "[onebot12][adapter]") {
  action act{"send_message", {{"detail_type", "group"}, {"group_id", "20876543210@chatroom"}}, account};
  json frame = json::parse(ws_frame(act, "e-7"));
  CHECK(frame["echo"] == "e-7");
  CHECK(frame["self"] == json{{"platform", "wechat"}, {"user_id", "wxid_bot001"}});
  auto call = http_request(act, "http://127.0.0.1:5700/", "tok", 3000);
  CHECK(call.url == "http://127.0.0.1:5700/");
  CHECK(json::parse(call.body)["action"] == "send_message");
  CHECK(call.headers.back() == std::pair<std::string, std::string>{"Authorization", "Bearer tok"});
}

TEST_CASE("onebot12: answers map onto outbox outcomes by retcode class", "[onebot12][adapter]") {
  auto sent = read_answer(answered(0, {{"message_id", "889"}, {"time", 1764547200.1}}));
  CHECK(sent.result.outcome == status::sent);
  CHECK(sent.result.platform_message_id == "889");
  CHECK(read_answer(answered(0, true)).result.outcome == status::sent);  // ComWeChat's documentation
  CHECK(read_answer(answered(0)).result.outcome == status::sent);        // and its code: data null
  answer no_retcode = answered(0);
  no_retcode.body.erase("retcode");  // the spec requires both status and retcode
  CHECK(read_answer(no_retcode).result.outcome == status::retry);

  auto refused_segment = read_answer(answered(10005, nullptr, "不支持的消息段:reply"));
  CHECK(refused_segment.segment_refused());
  CHECK(refused_segment.result.outcome == status::failed);
  CHECK(refused_segment.result.error == "retcode 10005: 不支持的消息段:reply");
  CHECK(read_answer(answered(10003)).result.outcome == status::failed);
  CHECK(read_answer(answered(10006)).segment_refused());
  CHECK(read_answer(answered(10002)).result.outcome == status::failed);  // delete_message on ComWeChat
  // Which account? / unknown account: not logged in there now; the row waits for it.
  CHECK(read_answer(answered(10101)).result.outcome == status::unreachable);
  CHECK(read_answer(answered(10102)).result.outcome == status::unreachable);
  CHECK(read_answer(answered(20002)).result.outcome == status::retry);
  auto tired = read_answer(answered(36000));
  CHECK(tired.result.outcome == status::retry);
  CHECK(tired.slow_down);
  CHECK(read_answer(answered(34000)).slow_down);
  CHECK(read_answer(answered(35000)).result.outcome == status::failed);
  CHECK(read_answer(answered(33000)).result.outcome == status::retry);

  answer lost;
  lost.how = answer::transport::no_answer;
  CHECK(read_answer(lost).result.outcome == status::uncertain);
  lost.how = answer::transport::not_sent;
  CHECK(read_answer(lost).result.outcome == status::unreachable);
  answer http_error;
  http_error.http_status = 401;
  CHECK(read_answer(http_error).result.outcome == status::retry);
}

}  // namespace onebot12_actions_test
