// The API calls an outbox row becomes, and how each kind of answer maps onto sent / retry /
// failed / uncertain — including NapCat's risk-control retcode 1200 and go-cqhttp's 风控 failure.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/onebot/api.hpp"

namespace onebot_api_test {

using namespace adapters::onebot;
using nlohmann::json;
using status = bot::send_result::status;

namespace {

bot::delivery group_row(std::string text) {
  bot::delivery row;
  row.id = 7;
  row.target = {"onebot", "10001", bot::chat_kind::group, "3345678901"};
  row.body.text = std::move(text);
  row.body.mentions = {{"20002", "张先生"}};
  row.body.quote_id = "-1184223170";
  return row;
}

api_answer answered(const std::string& body, int http = 200) {
  api_answer a;
  a.http_status = http;
  a.body = json::parse(body, nullptr, false);
  return a;
}

}  // namespace

TEST_CASE("onebot: a group reply is one send_group_msg with the group id as a number", "[onebot][api]") {
  auto calls = calls_for(group_row("已登记报修 #3"), {});
  REQUIRE(calls.size() == 1);
  CHECK(calls[0].action == "send_group_msg");
  CHECK(calls[0].params["group_id"] == 3345678901LL);
  CHECK(calls[0].params["message"][0]["type"] == "reply");
  CHECK(calls[0].params["message"][1]["data"]["qq"] == "20002");

  auto frame = json::parse(ws_frame(calls[0], "c1-5"));
  CHECK(frame["action"] == "send_group_msg");
  CHECK(frame["echo"] == "c1-5");
  CHECK(frame["params"] == calls[0].params);

  auto http = http_request(calls[0], "http://127.0.0.1:3000/", "tok", 5000);
  CHECK(http.url == "http://127.0.0.1:3000/send_group_msg");
  CHECK(json::parse(http.body) == calls[0].params);
  CHECK(std::find(http.headers.begin(), http.headers.end(),
                  std::pair<std::string, std::string>{"Authorization", "Bearer tok"}) != http.headers.end());
  CHECK(http.timeout_ms == 5000);
  CHECK(http_request(calls[0], "http://x", "", 1).headers.size() == 1);  // no token configured: no header
}

TEST_CASE("onebot: private replies, long texts and recalls", "[onebot][api]") {
  auto row = group_row(std::string(3000, 'a'));
  row.target.kind = bot::chat_kind::direct;
  row.target.id = "5100000001";
  auto calls = calls_for(row, {1500, true});
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].action == "send_private_msg");
  CHECK(calls[0].params["user_id"] == 5100000001LL);
  CHECK(calls[1].params["message"].size() == 1);

  row.body.recall_id = "-5, 1708595825859,aGVsbG8=";
  calls = calls_for(row, {});
  REQUIRE(calls.size() == 3);
  CHECK(calls[0].action == "delete_msg");
  CHECK(calls[0].params["message_id"] == -5);
  CHECK(calls[1].params["message_id"] == 1708595825859LL);
  CHECK(calls[2].params["message_id"] == "aGVsbG8=");  // an id that arrived as a string goes back as one
}

TEST_CASE("onebot: answers map onto outbox outcomes", "[onebot][api]") {
  auto ok = read_answer(
      answered(R"({"status":"ok","retcode":0,"data":{"message_id":-1184223170},"message":"","wording":""})"));
  CHECK(ok.outcome == status::sent);
  CHECK(ok.platform_message_id == "-1184223170");
  CHECK(read_answer(answered(R"({"status":"ok","retcode":0,"data":{"message_id":"b64id=="}})"))
            .platform_message_id == "b64id==");
  CHECK(read_answer(answered(R"({"status":"async","retcode":1,"data":null})")).outcome == status::sent);

  // Risk control: it may have gone out, so never re-sent blindly.
  auto napcat = read_answer(answered(
      R"({"status":"failed","retcode":1200,"data":null,"message":"Timeout: NTEvent serviceAndMethod:NodeIKernelMsgService/sendMsg ListenerName:NodeIKernelMsgListener/onMsgInfoListUpdate EventRet:\n{}\n","wording":"Timeout: NTEvent"})"));
  CHECK(napcat.outcome == status::uncertain);
  CHECK(napcat.error.find("1200") != std::string::npos);
  CHECK(
      read_answer(
          answered(
              R"({"status":"failed","retcode":100,"msg":"SEND_MSG_API_ERROR","wording":"请参考 go-cqhttp 端输出"})"))
          .outcome == status::uncertain);
  CHECK(read_answer(
            answered(R"({"status":"failed","retcode":100,"wording":"群消息发送失败: 账号可能被风控."})"))
            .outcome == status::uncertain);

  CHECK(read_answer(answered(R"({"status":"failed","retcode":1400,"wording":"参数错误"})")).outcome ==
        status::failed);
  CHECK(read_answer(answered(R"({"status":"failed","retcode":404,"msg":"API_NOT_FOUND"})")).outcome ==
        status::failed);
  CHECK(read_answer(answered(R"({"status":"failed","retcode":100,"msg":"GROUP_NOT_FOUND"})")).outcome ==
        status::retry);
  CHECK(read_answer(answered(R"({"status":"failed","retcode":200,"message":"busy"})")).outcome ==
        status::retry);

  CHECK(read_answer(answered("", 401)).outcome ==
        status::retry);  // a token mismatch: fixable, not a dead letter
  CHECK(read_answer(answered("", 400)).outcome == status::failed);
  CHECK(read_answer(answered("", 502)).outcome == status::retry);
  CHECK(read_answer(answered("not json")).outcome == status::retry);

  bot::http_reply refused;
  refused.error = "connect: Connection refused";
  CHECK(read_answer(from_http(refused)).outcome == status::unreachable);  // waits, uses no attempt
  bot::http_reply timed_out;
  timed_out.error = "read: The socket was closed due to a timeout";
  timed_out.request_sent = true;
  CHECK(read_answer(from_http(timed_out)).outcome == status::uncertain);
}

TEST_CASE("onebot: a refused delete_msg fails at once and is not taken for risk control", "[onebot][api]") {
  // NapCat answers a failed action over the WebSocket with retcode 1200, the same code as a send
  // that met risk control: for a recall it only means QQ said no (too late, not the sender).
  auto late = answered(
      R"({"status":"failed","retcode":1200,"data":null,"message":"Timeout: NTEvent recallMsg","wording":""})");
  CHECK(read_answer(late).outcome == status::uncertain);  // as a send it would be retried later
  auto r = read_recall_answer(late);
  CHECK(r.outcome == status::failed);
  CHECK(r.error.find("1200") != std::string::npos);
  CHECK(r.error.find("risk") == std::string::npos);
  CHECK(read_recall_answer(answered(R"({"status":"failed","retcode":100,"msg":"MESSAGE_NOT_FOUND"})"))
            .outcome == status::failed);
  CHECK(read_recall_answer(answered(R"({"status":"ok","retcode":0,"data":null})")).outcome == status::sent);
  // Not sent, or our token refused: worth another try, as for a send.
  api_answer lost;
  lost.how = api_answer::transport::not_sent;
  CHECK(read_recall_answer(lost).outcome == status::unreachable);
  CHECK(read_recall_answer(answered("{}", 401)).outcome == status::retry);
}

TEST_CASE("onebot: a row's progress lists one entry per call done and ends as the ids of the parts",
          "[onebot][api]") {
  CHECK(read_progress("").empty());
  CHECK(read_progress("-111") == std::vector<std::string>{"-111"});
  CHECK(read_progress("-111,?,b64==") == std::vector<std::string>{"-111", "?", "b64=="});
  CHECK(write_progress({"-111", "", "b64=="}) == "-111,?,b64==");  // a part the client gave no id for
  CHECK(read_progress(write_progress({"", ""})).size() == 2);      // still counts as done
  CHECK(sent_ids({"-111", "?", "b64=="}) == "-111,b64==");
  CHECK(sent_ids({}).empty());
}

}  // namespace onebot_api_test
