// The malformed-input suite (issue 10): the real binary, started once, gets over 200 hostile or
// broken requests on loopback (tests/loopback/malformed_*_cases.cpp). Each is answered with the
// expected 4xx (2xx where the platform only needs an acknowledgement), never a 5xx, never a
// dropped connection where HTTP allows an answer; a refusal stores no row. Afterwards the bot is
// still healthy, answers an ordinary 报修 on both channels, and no typed CQ code became an @all.
// Run alone: build/tests/estatebot_tests "[malformed]"
#include "support/malformed_harness.hpp"

namespace malformed_suite_test {

using namespace testing::malformed;

namespace {

bool mentions_all(const testing::fake_http_api::call& c) {
  const auto& message = c.params.value("message", json());
  if (message.is_string()) return message.get<std::string>().find("[CQ:at,qq=all]") != std::string::npos;
  if (!message.is_array()) return false;
  for (const auto& seg : message)
    if (seg.value("type", "") == "at" && seg.contains("data") && seg["data"].value("qq", json()) == "all")
      return true;
  return false;
}

int healthz(suite_bot& bot) {
  return bot.send({"healthz", raw_request("GET", "/healthz", "Connection: close\r\n"), 200});
}

}  // namespace

TEST_CASE("malformed input: over 200 hostile requests are refused or acknowledged, never 5xx or stored",
          "[loopback][process][malformed]") {
  suite_bot bot;
  REQUIRE(healthz(bot) == 200);
  const testing::malformed::row_counts at_start = bot.rows();

  std::size_t sent = 0;
  sent += bot.run(http_cases());
  sent += bot.run(webhook_auth_cases());
  sent += bot.run(webhook_body_cases());
  sent += bot.run(onebot_cases());
  sent += bot.run(chat_cases());
  sent += bot.run(weixin_cases());
  CHECK(sent >= 200);
  CHECK(bot.rows().tickets > at_start.tickets);  // the accepted 报修 cases did register

  // Issue 10 item 7: a chat.type that is no string is 400; ids beyond 2^63 are new messages, not -1.
  for (const auto& c : item7_cases()) {
    INFO(c.name);
    const auto before = bot.rows().inbound;
    CHECK(meets(c.expect, bot.send(c)));
    if (c.may_store) CHECK(bot.rows().inbound == before + 1);
  }

  // Still alive and answering, on both channels.
  REQUIRE(healthz(bot) == 200);
  const std::size_t bridge_before = bot.bridge.bodies.size();
  const auto tickets_before = bot.rows().tickets;
  CHECK(bot.send({"ordinary 报修", webhook_post(webhook_json("final-1", "报修 3-2-1201 厨房水管漏水").dump()),
                  200}) == 200);
  CHECK(bot.rows().tickets == tickets_before + 1);
  REQUIRE(testing::run_until(bot.io, [&] {
    for (std::size_t i = bridge_before; i < bot.bridge.bodies.size(); ++i)
      if (bot.bridge.bodies[i].find("#" + std::to_string(tickets_before + 1)) != std::string::npos)
        return true;
    return false;
  }));
  const std::size_t api_before = bot.api.calls.size();
  CHECK(bot.send({"ordinary QQ 报修", onebot_post(onebot_json(9901, "报修 3-2-1202 电梯异响", 880009).dump()),
                  204}) == 204);
  REQUIRE(testing::run_until(bot.io, [&] {
    for (std::size_t i = api_before; i < bot.api.calls.size(); ++i)
      if (bot.api.calls[i].action == "send_group_msg" &&
          bot.api.calls[i].params.value("group_id", 0) == 880009)
        return true;
    return false;
  }));

  // A CQ code typed as text never became a real @all in what the bot sent.
  for (const auto& c : bot.api.calls) CHECK_FALSE(mentions_all(c));
  int status = 0;
  CHECK(::waitpid(bot.process->child.pid(), &status, WNOHANG) == 0);  // never exited meanwhile
}

}  // namespace malformed_suite_test
