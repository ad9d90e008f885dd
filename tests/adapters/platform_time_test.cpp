// Platform times are untrusted input: an absurd "time" (beyond any real clock, negative, huge) is
// "unknown", never multiplied into a signed overflow, and the message is still processed.
#include <catch2/catch.hpp>
#include <limits>
#include <nlohmann/json.hpp>

#include "adapters/onebot/event_parser.hpp"
#include "adapters/webhook/webhook_adapter.hpp"
#include "bot/crypto.hpp"
#include "bot/message.hpp"

namespace {

std::int64_t webhook_time(const nlohmann::json& time) {
  bot::webhook_config cfg;
  cfg.enabled = true;
  cfg.secret = "time-secret";
  adapters::webhook::webhook_adapter adapter(cfg);
  nlohmann::json j{{"platform", "wechat"},
                   {"message_id", "wx-1"},
                   {"chat", {{"type", "group"}, {"id", "g@chatroom"}}},
                   {"sender", {{"id", "wxid_a"}, {"name", "王阿姨"}}},
                   {"text", "我的工单"},
                   {"time", time}};
  bot::http_request req;
  req.method = "POST";
  req.target = cfg.path;
  req.path = cfg.path;
  req.body = j.dump();
  req.headers.emplace_back("X-Signature", "sha256=" + bot::crypto::hmac_sha256_hex(cfg.secret, req.body));
  auto r = adapter.parse_inbound(req);
  REQUIRE(r.response.status == 200);
  REQUIRE(r.events.size() == 1);
  return std::get<bot::message>(r.events[0]).unix_ms;
}

std::int64_t onebot_time(const nlohmann::json& time) {
  nlohmann::json j{{"post_type", "message"}, {"message_type", "private"},
                   {"sub_type", "friend"},   {"self_id", 3889001234},
                   {"user_id", 2200334455},  {"message_id", 7},
                   {"message", "我的工单"},  {"raw_message", "我的工单"},
                   {"time", time},           {"sender", {{"user_id", 2200334455}, {"nickname", "王阿姨"}}}};
  auto r = adapters::onebot::parse_event(j, {});
  REQUIRE(r.ok());
  REQUIRE(r.events.size() == 1);
  return std::get<bot::message>(r.events[0]).unix_ms;
}

}  // namespace

TEST_CASE("platform times within reason are kept, absurd ones are unknown", "[adapters][time]") {
  CHECK(bot::platform_time_ms(1'764'547'200) == 1'764'547'200'000);
  CHECK(bot::platform_time_ms(1'764'547'200.9) == 1'764'547'200'000);
  CHECK(bot::platform_time_ms(0) == 0);
  CHECK(bot::platform_time_ms(-5) == 0);
  CHECK(bot::platform_time_ms(1e300) == 0);
  CHECK(bot::platform_time_ms(std::numeric_limits<double>::quiet_NaN()) == 0);
  CHECK(bot::platform_time_ms(9'223'372'036'854'775.0) == 0);
}

TEST_CASE("an absurd time in a webhook or OneBot message is unknown, and the message still counts",
          "[adapters][time]") {
  CHECK(webhook_time(1'764'547'200) == 1'764'547'200'000);
  CHECK(webhook_time(std::numeric_limits<std::int64_t>::max()) == 0);
  CHECK(webhook_time(std::numeric_limits<std::int64_t>::min()) == 0);
  CHECK(webhook_time(std::numeric_limits<std::uint64_t>::max()) == 0);
  CHECK(onebot_time(1'764'547'200) == 1'764'547'200'000);
  CHECK(onebot_time(1e300) == 0);
  CHECK(onebot_time(9.3e18) == 0);
}
