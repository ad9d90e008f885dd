// The real server on 127.0.0.1 port 0, a real HTTP client posting signed generic-webhook messages,
// and a fake bridge on loopback receiving the signed replies.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/webhook_harness.hpp"

namespace webhook_loopback_test {

using namespace testing::webhook;

TEST_CASE("loopback: a signed 报修 over HTTP gets a signed reply with the ticket number",
          "[loopback][webhook]") {
  harness h;
  auto r = h.call("POST", "/webhook/generic", message_body("wx-1", "报修 3-2-1201 厨房水管漏水"));
  CHECK(r.status == 200);
  REQUIRE(testing::run_until(h.io, [&] { return !h.inbox.empty(); }));
  const auto& got = h.inbox.front();
  CHECK(got.signature == "sha256=" + bot::crypto::hmac_sha256_hex(secret, got.body));
  auto j = nlohmann::json::parse(got.body);
  CHECK(j["chat"]["id"] == "3dong@chatroom");
  CHECK(j["platform"] == "wechat");
  CHECK(j["text"].get<std::string>().find("#1") != std::string::npos);
  CHECK(j["text"].get<std::string>().find("1201") == std::string::npos);
  CHECK(j["mentions"][0]["id"] == "wxid_wang");
  CHECK(j["quote_id"] == "wx-1");
  CHECK_FALSE(got.delivery.empty());
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 1; }));
  auto sent = h.service->state().db.outbox.get(std::stoll(got.delivery));
  REQUIRE(sent);
  CHECK(sent->platform_message_id == "bridge-1");

  SECTION("the same delivery again is acknowledged but processed once") {
    auto again = h.call("POST", "/webhook/generic", message_body("wx-1", "报修 3-2-1201 厨房水管漏水"));
    CHECK(again.status == 200);
    CHECK(h.count("tickets") == 1);
    CHECK(h.count("outbox") == 1);
  }
}

TEST_CASE("loopback: bad input is refused with the right status and stores nothing", "[loopback][webhook]") {
  harness h;
  auto before_members = h.count("members");
  const std::string body = message_body("wx-2", "报修 3-2-1201 漏水");
  CHECK(h.call("POST", "/webhook/generic", body, "sha256=" + std::string(64, '0')).status == 401);
  CHECK(h.call("POST", "/webhook/generic", body, "").status == 401);
  CHECK(h.count("members") == before_members);
  CHECK(h.count("inbound_seen") == 0);
  CHECK(h.count("tickets") == 0);

  CHECK(h.call("POST", "/webhook/generic", "{not json").status == 400);
  CHECK(h.call("POST", "/webhook/generic", message_body("wx-3", std::string(5000, 'x'))).status == 413);
  CHECK(h.call("POST", "/no/such/path", body).status == 404);
  CHECK(h.call("GET", "/webhook/generic", "").status == 405);
  CHECK(h.count("tickets") == 0);
  CHECK(h.inbox.empty());

  auto health = h.call("GET", "/healthz", "", "");
  CHECK(health.status == 200);
  auto j = nlohmann::json::parse(health.body);
  CHECK(j["version"] == ESTATEBOT_VERSION);
  CHECK(j["database"]["ok"] == true);
  CHECK(j["database"]["journal_mode"] == (h.service->state().database.is_postgres() ? "postgresql" : "wal"));
  CHECK(j["database"]["schema_version"] == j["database"]["latest_schema"]);
}

TEST_CASE("loopback: a bridge that is busy gets the reply again later, with the same delivery id",
          "[loopback][webhook]") {
  harness h;
  h.fail_next = 1;
  CHECK(h.call("POST", "/webhook/generic", message_body("wx-4", "我的工单")).status == 200);
  REQUIRE(testing::run_until(h.io, [&] { return h.inbox.size() == 2; }));
  CHECK(h.inbox[0].delivery == h.inbox[1].delivery);
  CHECK(h.inbox[0].body == h.inbox[1].body);
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox WHERE state = 'sent'") == 1; }));
  auto row = h.service->state().db.outbox.get(std::stoll(h.inbox[0].delivery));
  CHECK(row->attempts == 2);
}

TEST_CASE("loopback: delivery ids never repeat, also after a message to an anonymous writer is forgotten",
          "[loopback][webhook][privacy]") {
  harness h;
  auto anonymous = nlohmann::json{{"platform", "wechat"},
                                  {"message_id", "wx-a1"},
                                  {"chat", {{"type", "direct"}, {"id", "wxid_writer"}}},
                                  {"sender", {{"id", "wxid_writer"}, {"name", "赵女士"}}},
                                  {"text", "匿名建议 希望夜里多巡逻几次"}}
                       .dump();
  CHECK(h.call("POST", "/webhook/generic", anonymous).status == 200);
  REQUIRE(testing::run_until(h.io, [&] { return h.inbox.size() == 1; }));
  CHECK(nlohmann::json::parse(h.inbox[0].body)["chat"]["id"] == "wxid_writer");
  // Delivered, then forgotten: no row is left that names the writer.
  REQUIRE(testing::run_until(h.io, [&] { return h.count("outbox") == 0; }));

  CHECK(h.call("POST", "/webhook/generic", message_body("wx-a2", "我的工单")).status == 200);
  REQUIRE(testing::run_until(h.io, [&] { return h.inbox.size() == 2; }));
  // A bridge that drops repeats of X-Estatebot-Delivery must not drop this one.
  CHECK(h.inbox[1].delivery != h.inbox[0].delivery);
  CHECK(std::stoll(h.inbox[1].delivery) > std::stoll(h.inbox[0].delivery));
}

TEST_CASE("loopback: a signed body nested too deep is refused with 400 and stores nothing",
          "[loopback][webhook][hardening]") {
  harness h;
  const auto members_before = h.count("members");
  std::string body = message_body("wx-deep", "报修 3-2-1201 漏水");
  body.insert(body.size() - 1, R"(,"extra":)" + std::string(1000, '[') + std::string(1000, ']'));
  auto r = h.call("POST", "/webhook/generic", body);
  CHECK(r.status == 400);
  CHECK(r.body.find("deep") != std::string::npos);
  CHECK(h.count("inbound_seen") == 0);
  CHECK(h.count("tickets") == 0);
  CHECK(h.count("members") == members_before);
  // The same message without the extra field is an ordinary message.
  CHECK(h.call("POST", "/webhook/generic", message_body("wx-deep", "我的工单")).status == 200);
  CHECK(h.count("inbound_seen") == 1);
}

}  // namespace webhook_loopback_test
