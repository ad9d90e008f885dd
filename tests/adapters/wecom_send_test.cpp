// What estatebot sends to WeCom's group robots and how it reads WeCom's and WeChat's answers.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/wecom/api_answer.hpp"
#include "adapters/wecom/customer_send.hpp"
#include "adapters/wecom/robot_send.hpp"
#include "bot/utf8.hpp"

namespace wecom_send_test {
namespace {

using adapters::wecom::read_api_answer;
using status = bot::send_result::status;

bot::http_reply answer(const std::string& body, int http = 200) {
  return {http, body, {}, {}, true};
}

}  // namespace

TEST_CASE("a long text goes to a robot in pieces of at most 2048 bytes, cut between characters", "[wecom]") {
  std::string text;
  for (int i = 0; i < 1500; ++i) text += "停";  // 3 bytes each: 4500 bytes
  bot::outgoing body = bot::outgoing::plain(text);
  body.mention_all = true;
  const auto calls = adapters::wecom::robot_calls("https://qyapi.example", "KEY-1", body);
  REQUIRE(calls.size() == 3);
  std::string joined;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    CHECK(calls[i].url == "https://qyapi.example/cgi-bin/webhook/send?key=KEY-1");
    const auto j = nlohmann::json::parse(calls[i].body);
    CHECK(j["msgtype"] == "text");
    const std::string piece = j["text"]["content"];
    CHECK(piece.size() <= 2048);
    CHECK(bot::utf8::valid(piece) == piece);
    joined += piece;
    // Only the first piece calls everyone (an emergency): @all once, not three times.
    CHECK(j["text"].contains("mentioned_list") == (i == 0));
  }
  CHECK(joined == text);
  CHECK(nlohmann::json::parse(calls[0].body)["text"]["mentioned_list"] == nlohmann::json{"@all"});
}

TEST_CASE("a text is cut at a line break when one lies in the second half of a piece", "[wecom]") {
  const std::string line(1500, 'a');
  const auto pieces = bot::utf8::split_bytes(line + "\n" + line, 2048);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0] == line);
  CHECK(pieces[1] == line);
  CHECK(bot::utf8::split_bytes("", 2048) == std::vector<std::string>{""});
}

TEST_CASE("a robot takes 20 messages a minute and the 21st waits for the oldest to age", "[wecom]") {
  adapters::wecom::robot_pace pace;
  for (int i = 0; i < 20; ++i) {
    REQUIRE(pace.free_at("员工群", 1'000 + i) == 0);
    pace.sent("员工群", 1'000 + i);
  }
  CHECK(pace.free_at("员工群", 30'000) == 61'000);
  CHECK(pace.free_at("维修群", 30'000) == 0);  // per robot
  CHECK(pace.free_at("员工群", 61'000) == 0);
}

TEST_CASE("WeCom's and WeChat's answers are read by errcode", "[wecom]") {
  CHECK(read_api_answer(answer(R"({"errcode":0,"errmsg":"ok","msgid":"m1"})")).outcome == status::sent);
  CHECK(read_api_answer(answer(R"({"errcode":0,"errmsg":"ok","msgid":"m1"})")).platform_message_id == "m1");
  const auto limited = read_api_answer(answer(R"({"errcode":45009,"errmsg":"api freq out of limit"})"));
  CHECK(limited.outcome == status::retry);
  CHECK(limited.retry_after_ms == 60'000);
  CHECK(read_api_answer(answer(R"({"errcode":-1,"errmsg":"system busy"})")).outcome == status::retry);
  const auto window = read_api_answer(answer(R"({"errcode":45015,"errmsg":"response out of time limit"})"));
  CHECK(window.outcome == status::failed);
  CHECK_THAT(window.error, Catch::Contains("48 hours"));
  CHECK(read_api_answer(answer(R"({"errcode":93000,"errmsg":"invalid webhook url"})")).outcome ==
        status::failed);
  // errmsg "ok" with an error code is still an error.
  CHECK(read_api_answer(answer(R"({"errcode":40003,"errmsg":"ok"})")).outcome == status::failed);
  CHECK(read_api_answer(answer("<html>bad gateway</html>", 502)).outcome == status::retry);
  CHECK(read_api_answer({0, "", {}, "connection refused", false}).outcome == status::unreachable);
  CHECK(read_api_answer({0, "", {}, "timeout", true}).outcome == status::uncertain);
  CHECK(adapters::wecom::token_refused(42001));
  CHECK(adapters::wecom::token_refused(40014));
}

TEST_CASE("a customer group's mass-send task is sent only when WeCom lists the group as sent", "[wecom]") {
  using adapters::wecom::read_task_result;
  const std::string chat = "wrOgQh";
  auto polled = [&](const std::string& list) {
    return read_task_result(answer(R"({"errcode":0,"errmsg":"ok","send_list":)" + list + "}"), chat, "msg1",
                            120'000);
  };
  CHECK(polled("[]").outcome == status::confirming);
  CHECK(polled("[]").retry_after_ms == 120'000);
  CHECK(polled(R"([{"chat_id":"wrOgQh","status":0}])").outcome == status::confirming);
  CHECK(polled(R"([{"chat_id":"wrOther","status":1}])").outcome == status::confirming);  // another group
  const auto sent = polled(R"([{"chat_id":"wrOgQh","status":1,"send_time":1552536375}])");
  CHECK(sent.outcome == status::sent);
  CHECK(sent.platform_message_id == "msg1");
  CHECK_THAT(polled(R"([{"chat_id":"wrOgQh","status":3}])").error, Catch::Contains("mass messages"));
  CHECK(polled(R"([{"chat_id":"wrOgQh","status":3}])").outcome == status::failed);
  // A task WeCom refused for the group fails at once instead of waiting for a confirmation.
  const auto refused = adapters::wecom::read_task_created(
      answer(R"({"errcode":0,"errmsg":"ok","fail_list":["wrOgQh"],"msgid":"m"})"));
  CHECK_FALSE(refused.msgid);
  CHECK(refused.failure.outcome == status::failed);
  CHECK(adapters::wecom::read_task_created(answer(R"({"errcode":0,"errmsg":"ok","msgid":"m2"})")).msgid ==
        "m2");
  // An answer without errcode is no success.
  CHECK(read_api_answer(answer(R"({"msgid":"x"})")).outcome == status::retry);
}

}  // namespace wecom_send_test
