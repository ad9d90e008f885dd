// Events nested absurdly deep (issue 10, item 1): a signed OneBot event whose segment data holds an
// array nested 100,000 deep (a 200 KB body) used to overflow the stack and kill the service. Over
// HTTP POST it is refused with 400, over the reverse WebSocket the frame is dropped and the
// connection kept; either way the next ordinary event is answered.
#include "support/onebot_harness.hpp"

using nlohmann::json;
namespace deep_json_test {

using namespace testing::onebot;

namespace {

constexpr std::size_t deep = 100'000;

// A group message whose text segment carries an extra data key nested `depth` deep.
std::string deep_event(std::int64_t message_id, std::size_t depth) {
  std::string event = group_message(message_id, 880001, 2200334455, "我的工单").dump();
  const std::string text_data = R"("data":{"text":"我的工单")";
  auto at = event.find(text_data);
  REQUIRE(at != std::string::npos);
  event.insert(at + text_data.size(), R"(,"x":)" + std::string(depth, '[') + std::string(depth, ']'));
  return event;
}

}  // namespace

TEST_CASE("loopback onebot: a signed POST nested 100,000 deep is refused and the bot keeps answering",
          "[loopback][onebot][hardening]") {
  harness h(false, "", false, 512 * 1024);
  auto qq = h.connect();
  auto refused = h.post(deep_event(501, deep));
  CHECK(refused.status == 400);
  CHECK(refused.body.find("deep") != std::string::npos);
  CHECK(h.count("inbound_seen") == 0);

  // Shallow extra data in a segment is still an ordinary event.
  CHECK(h.post(deep_event(502, 3)).status == 204);
  REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 1; }));
  CHECK(qq->calls[0]["params"]["group_id"] == 880001);
}

TEST_CASE("loopback onebot: a WebSocket frame nested 100,000 deep is dropped, the connection stays",
          "[loopback][onebot][hardening]") {
  harness h(false, "", false, 512 * 1024);
  auto qq = h.connect();
  qq->send_text(deep_event(601, deep));
  h.say(*qq, group_message(602, 880002, 2200334455, "我的工单"));
  REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 1; }));
  CHECK(qq->calls[0]["params"]["group_id"] == 880002);
  CHECK(qq->open);
  CHECK(h.count("inbound_seen") == 1);
}

}  // namespace deep_json_test
