// Issue 10 item 7 over real HTTP: a bridge serving two networks, ids beyond 2^63, fields of the
// wrong type, a flood of images, and what /healthz tells whom and when writes fail.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/scratch_db.hpp"
#include "support/webhook_harness.hpp"

namespace webhook_hardening_test {

using namespace testing::webhook;

namespace {

nlohmann::json message(const std::string& network, const std::string& id, const std::string& chat,
                       const std::string& sender, const std::string& text) {
  return {{"platform", network},
          {"message_id", id},
          {"chat", {{"type", "group"}, {"id", chat}, {"name", chat}}},
          {"sender", {{"id", sender}, {"name", sender}}},
          {"text", text}};
}

}  // namespace

TEST_CASE("loopback: an admin on one network a bridge serves is nobody on another",
          "[loopback][webhook][hardening]") {
  harness h("", "[roles]\nadmins = [\"webhook:wechat:boss\"]\n");
  for (const char* network : {"wechat", "telegram"}) {
    auto j = message(network, "m1", "g-1", "boss", "绑定小区 阳光花园");
    j["mentions_bot"] = true;  // addressed to the bot, so a refusal is said, not kept quiet
    CHECK(h.call("POST", "/webhook/generic", j.dump()).status == 200);
  }
  // Two people, two groups: the same ids on two networks are not the same.
  CHECK(h.count("members WHERE platform = 'webhook'") == 2);
  CHECK(h.count("chats WHERE platform = 'webhook' AND kind = 'group'") == 2);
  // Only the wechat group was registered by its admin; telegram's "boss" was refused.
  CHECK(h.count("chats WHERE registered_by IS NOT NULL") == 1);
  REQUIRE(testing::run_until(h.io, [&] { return h.inbox.size() == 2; }));
  for (const auto& got : h.inbox) {
    auto j = nlohmann::json::parse(got.body);
    CHECK(j["chat"]["id"] == "g-1");  // as the bridge knows it
  }
}

TEST_CASE("loopback: message ids beyond 2^63 are distinct messages, kept exactly",
          "[loopback][webhook][hardening]") {
  harness h;
  auto body = [](const std::string& id_text) {
    std::string b = message("wechat", "x", "g-1", "wang", "我的工单").dump();
    const std::string from = R"("message_id":"x")";
    return b.replace(b.find(from), from.size(), R"("message_id":)" + id_text);
  };
  for (const char* id :
       {"-1", "18446744073709551615", "9223372036854775808", "18446744073709551617", "18446744073709551618"})
    CHECK(h.call("POST", "/webhook/generic", body(id)).status == 200);
  CHECK(h.count("inbound_seen") == 5);
  // The same id again is the same message.
  CHECK(h.call("POST", "/webhook/generic", body("18446744073709551617")).status == 200);
  CHECK(h.count("inbound_seen") == 5);
}

TEST_CASE("loopback: a chat.type that is not a string is 400 with a reason, and nothing is stored",
          "[loopback][webhook][hardening]") {
  harness h;
  const auto members_before = h.count("members");
  for (const auto& type : {nlohmann::json(1), nlohmann::json::array({"group"}), nlohmann::json(true)}) {
    auto j = message("wechat", "bad-type", "g-1", "wang", "报修 3-2-1201 漏水");
    j["chat"]["type"] = type;
    auto r = h.call("POST", "/webhook/generic", j.dump());
    CHECK(r.status == 400);
    CHECK(r.body.find("chat.type") != std::string::npos);
  }
  CHECK(h.count("inbound_seen") == 0);
  CHECK(h.count("tickets") == 0);
  CHECK(h.count("members") == members_before);
}

TEST_CASE("loopback: a repair report with hundreds of images keeps the first 9",
          "[loopback][webhook][hardening]") {
  harness h;
  auto j = message("wechat", "img-1", "g-1", "wang", "报修 3-2-1201 厨房漏水");
  j["images"] = nlohmann::json::array();
  for (int i = 0; i < 300; ++i) j["images"].push_back("i" + std::to_string(i));
  CHECK(h.call("POST", "/webhook/generic", j.dump()).status == 200);
  CHECK(h.count("tickets") == 1);
  CHECK(h.count("ticket_images") == 9);
  CHECK(h.count("ticket_images WHERE reference = 'i0'") == 1);
  CHECK(h.count("ticket_images WHERE reference = 'i8'") == 1);
  CHECK(h.count("ticket_images WHERE reference = 'i9'") == 0);
}

TEST_CASE("loopback: /healthz answers 503 when the database takes no writes",
          "[loopback][health][hardening]") {
  harness h;
  // Every write on the bot's own connection now fails as on a read-only file.
  auto& db = h.service->state().database;
  db.exec(db.is_postgres() ? "SET default_transaction_read_only = on" : "PRAGMA query_only = ON");
  auto r = h.call("GET", "/healthz", "", "");
  CHECK(r.status == 503);
  auto j = nlohmann::json::parse(r.body);
  CHECK(j["status"] == "degraded");
  CHECK(j["database"]["ok"] == false);
  // Loopback sees the details: the file, or the PostgreSQL URL (without a password).
  if (db.is_postgres())
    CHECK(j["database"]["path"].get<std::string>().rfind("postgresql://", 0) == 0);
  else
    CHECK(j["database"]["path"] == h.dir.file("bot.sqlite3"));
  CHECK(j["database"]["error"].get<std::string>().find(db.is_postgres() ? "read-only" : "readonly") !=
        std::string::npos);
}

}  // namespace webhook_hardening_test
