// The QQ client's HTTP API away or slow, over real loopback sockets: a reply committed while the
// API refuses connections waits without using attempts, shows in /healthz, and arrives once the
// API is back; a send answered with a timeout that reached the group anyway is not sent twice.
#include "support/onebot_harness.hpp"

namespace onebot_outage_test {

using namespace testing::onebot;

namespace {

void restart_api(harness& h, std::uint16_t port) {
  h.sink = std::make_unique<testing::fake_http_api>(h.io, port);
  h.sink->clk = &h.manual;
  h.sink->bot_id = std::stoll(bot_qq);
}

}  // namespace

TEST_CASE(
    "loopback onebot: a reply committed while the HTTP API refuses connections arrives after the outage",
    "[loopback][onebot][outage]") {
  harness h(true, "", true);
  const std::uint16_t api_port = h.sink->port;
  h.sink->server.stop();  // NapCat is down: connections to its HTTP API are refused
  CHECK(h.post(group_message(501, 880001, 2200334455, "报修 3-2-1201 电梯异响").dump()).status == 204);
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE last_error IS NOT NULL") == 1; }));
  auto row = h.service->state().db.outbox.get(1);
  CHECK(row->state == "pending");
  CHECK(row->attempts == 0);  // the platform was away: no attempt used up
  auto outbox = h.health()["outbox"];
  REQUIRE(outbox["unreachable"].size() == 1);
  CHECK(outbox["unreachable"][0]["account"] == bot_qq);
  CHECK(outbox["unreachable"][0]["waiting"] == 1);
  CHECK(h.health()["status"] == "ok");  // not yet for long

  h.manual.advance_ms(600'000);  // ten minutes of it
  h.service->state().outbox.wake();
  // Degraded at once (ten minutes have passed); the probe that the wake sent must also have failed,
  // or the API coming back would answer a probe that is still on its way.
  REQUIRE(testing::run_until(h.io, [&] {
    return h.health()["status"] == "degraded" && h.service->state().outbox.in_flight() == 0;
  }));
  CHECK(h.service->state().db.outbox.get(1)->state == "pending");
  CHECK(h.service->state().db.outbox.get(1)->attempts == 0);

  restart_api(h, api_port);
  h.manual.advance_ms(30'000);
  h.service->state().outbox.wake();
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 1; }));
  REQUIRE(h.sink->calls.size() == 1);
  CHECK(text_of({{"params", h.sink->calls[0].params}}).find("#1") != std::string::npos);
  CHECK(h.health()["status"] == "ok");
  CHECK(h.health()["outbox"]["unreachable"].empty());
}

TEST_CASE("loopback onebot: a send answered with a timeout that reached the group anyway is not sent twice",
          "[loopback][onebot][outage]") {
  harness h(true, "", true);
  int answered = 0;
  // NapCat's "Timeout: NTEvent … sendMsg": QQ was slow, and the message did arrive.
  h.sink->answer = [&](const testing::fake_http_api::call&) { return answered++ == 0 ? 1200 : 0; };
  h.sink->delivered_anyway = true;
  CHECK(h.post(group_message(502, 880001, 2200334455, "报修 3-2-1201 厨房漏水").dump()).status == 204);
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE attempts = 1") == 1; }));
  h.manual.advance_ms(30'001);  // the risk-control pause
  h.service->state().outbox.wake();
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 1; }));
  CHECK(h.sink->calls.size() == 1);          // not sent again
  CHECK(h.sink->history_calls.size() == 1);  // looked first
  CHECK(h.sink->history_calls[0].params["group_id"] == 880001);
  CHECK(h.sink->history.size() == 1);                                         // one copy in the group
  CHECK(h.service->state().db.outbox.get(1)->platform_message_id == "1001");  // the copy's id, for recalls
}

TEST_CASE("loopback onebot: a send answered with a timeout that did not arrive is sent again after a look",
          "[loopback][onebot][outage]") {
  harness h(true, "", true);
  int answered = 0;
  h.sink->answer = [&](const testing::fake_http_api::call&) { return answered++ == 0 ? 1200 : 0; };
  CHECK(h.post(group_message(503, 880001, 2200334455, "报修 3-2-1201 厨房漏水").dump()).status == 204);
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE attempts = 1") == 1; }));
  h.manual.advance_ms(30'001);
  h.service->state().outbox.wake();
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 1; }));
  CHECK(h.sink->history_calls.size() == 1);
  REQUIRE(h.sink->calls.size() == 2);
  CHECK(h.sink->calls[0].params == h.sink->calls[1].params);
  CHECK(h.sink->history.size() == 1);
}

}  // namespace onebot_outage_test
