// wechatbot-webhook outbound, pure: what a delivery becomes on /webhook/msg/v2, and what the
// bridge's answers mean for the outbox.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/wechatbot/outbound.hpp"

using adapters::wechatbot::read_send_answer;
using adapters::wechatbot::render_send;
using nlohmann::json;
using status = bot::send_result::status;

namespace {

bot::wechatbot_config cfg() {
  bot::wechatbot_config c;
  c.api_url = "http://127.0.0.1:3001/";
  c.api_token = "uD.sBZ9~r2g+/";
  return c;
}

bot::delivery to(bot::chat_kind kind, const std::string& id, const std::string& text) {
  bot::delivery d;
  d.id = 7;
  d.target = {"wechatbot", "", kind, id};
  d.body.text = text;
  return d;
}

bot::http_reply reply(int status_code, const std::string& body) {
  bot::http_reply r;
  r.status = status_code;
  r.body = body;
  r.request_sent = true;
  return r;
}

}  // namespace

TEST_CASE("wechatbot: a group's reply goes to its name, a person's to their remark or nickname",
          "[wechatbot][adapters]") {
  auto call = render_send(cfg(), to(bot::chat_kind::group, "3栋业主群", "已登记报修工单 #1"));
  CHECK(call.method == "POST");
  CHECK(call.url == "http://127.0.0.1:3001/webhook/msg/v2?token=uD.sBZ9~r2g%2B%2F");
  CHECK(json::parse(call.body) == json{{"to", "3栋业主群"},
                                       {"isRoom", true},
                                       {"data", {{"type", "text"}, {"content", "已登记报修工单 #1"}}}});

  auto by_alias = json::parse(render_send(cfg(), to(bot::chat_kind::direct, "alias:王师傅", "待办")).body);
  CHECK(by_alias["to"] == json{{"alias", "王师傅"}});
  CHECK(by_alias["isRoom"] == false);
  auto by_name = json::parse(render_send(cfg(), to(bot::chat_kind::direct, "name:赵女士", "收到")).body);
  CHECK(by_name["to"] == "赵女士");
  CHECK(by_name["isRoom"] == false);
}

TEST_CASE("wechatbot: mentions are written as @名字 text, @all as @所有人", "[wechatbot][adapters]") {
  auto d = to(bot::chat_kind::group, "3栋业主群", "已登记");
  d.body.mentions = {{"name:王阿姨", "王阿姨"}, {"alias:王师傅", ""}};
  CHECK(json::parse(render_send(cfg(), d).body)["data"]["content"] == "@王阿姨\u2005@王师傅\u2005已登记");
  d.body.mentions.clear();
  d.body.mention_all = true;
  CHECK(json::parse(render_send(cfg(), d).body)["data"]["content"] == "@所有人\u2005已登记");
}

TEST_CASE("wechatbot: the bridge's answers decide sent, failed, retry, unreachable or uncertain",
          "[wechatbot][adapters]") {
  auto ok =
      read_send_answer(reply(200, R"({"success":true,"message":"Message sent successfully","task":{}})"));
  CHECK(ok.result.outcome == status::sent);

  // An unknown group: dead-lettered with the bridge's reason, in its current and older shapes.
  auto missing = read_send_answer(reply(
      200, R"({"success":false,"message":"All Messages (1) sent failed, look up data of task for more detail",
               "task":{"successCount":0,"totalCount":1,"failedCount":1,"reject":[],"sentFailed":[],
                       "notFound":[{"to":"9栋业主群","isRoom":true,"error":"Room is not found","data":{}}]}})"));
  CHECK(missing.result.outcome == status::failed);
  CHECK(missing.result.error == "Room is not found");
  auto missing_old = read_send_answer(reply(200, R"({"success":false,"message":"Room is not found"})"));
  CHECK(missing_old.result.outcome == status::failed);
  CHECK(missing_old.result.error == "Room is not found");

  auto rejected = read_send_answer(
      reply(200, R"({"success":false,"message":"Some params is not valid, sending task is suspend, ...",
               "task":{"reject":[{"to":"x","error":"data.content is required"}]}})"));
  CHECK(rejected.result.outcome == status::failed);
  CHECK(rejected.result.error == "data.content is required");

  // WeChat refused the message itself: try again later, and let the account slow down.
  auto refused = read_send_answer(reply(200, R"({"success":false,"message":"All Messages (1) sent failed",
               "task":{"sentFailed":[{"to":"3栋业主群","data":[{"type":"text","content":"x","error":"AssertionError: 1204 == 0"}]}]}})"));
  CHECK(refused.result.outcome == status::retry);
  CHECK(refused.refused);
  CHECK(refused.result.error == "AssertionError: 1204 == 0");

  auto logged_out = read_send_answer(
      reply(401, R"({"success":false,"message":"you must login first before sending messages"})"));
  CHECK(logged_out.result.outcome == status::unreachable);
  CHECK(logged_out.logged_out);
  auto bad_token = read_send_answer(reply(
      401, R"({"success":false,"message":"Unauthorized: Access is denied due to invalid credentials."})"));
  CHECK(bad_token.result.outcome == status::failed);
  CHECK(bad_token.result.error.find("HTTP 401") == 0);
  CHECK_FALSE(bad_token.logged_out);

  CHECK(
      read_send_answer(reply(500, R"({"success":false,"message":"Unknown Server Error"})")).result.outcome ==
      status::retry);
  auto busy = reply(429, "");
  busy.headers = {{"retry-after", "7"}};
  CHECK(read_send_answer(busy).result.retry_after_ms == 7000);
  CHECK(read_send_answer(reply(404, "Not Found")).result.outcome == status::failed);
  CHECK(read_send_answer(reply(200, "<html>a proxy</html>")).result.outcome == status::failed);
  CHECK(read_send_answer(reply(200, R"({"success":"yes","message":7})")).result.outcome == status::failed);

  bot::http_reply refused_connection;
  refused_connection.error = "connection refused";
  CHECK(read_send_answer(refused_connection).result.outcome == status::unreachable);
  bot::http_reply timed_out;
  timed_out.error = "timeout";
  timed_out.request_sent = true;
  CHECK(read_send_answer(timed_out).result.outcome == status::uncertain);
}
