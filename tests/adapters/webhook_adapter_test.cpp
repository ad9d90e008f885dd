// The generic webhook adapter from raw fixture bodies: signatures, schema, rendering, answers.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/limits.hpp"
#include "adapters/webhook/webhook_adapter.hpp"
#include "bot/crypto.hpp"
#include "support/fixtures.hpp"

using adapters::webhook::webhook_adapter;

namespace {

constexpr const char* adapter_secret = "test-secret-不要用在生产";

webhook_adapter make_adapter() {
  bot::webhook_config c;
  c.enabled = true;
  c.secret = adapter_secret;
  c.outbound_url = "http://127.0.0.1:9/bridge";
  return webhook_adapter(c);
}

bot::http_request signed_post(const std::string& body, std::string sig = "") {
  bot::http_request r;
  r.method = "POST";
  r.path = "/webhook/generic";
  r.body = body;
  if (sig.empty()) sig = "sha256=" + bot::crypto::hmac_sha256_hex(adapter_secret, body);
  r.headers.emplace_back("x-signature", sig);
  return r;
}

}  // namespace

TEST_CASE("HMAC known answers (RFC 4231, RFC 2202)", "[crypto]") {
  CHECK(bot::crypto::hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  CHECK(bot::crypto::hmac_sha1_hex("Jefe", "what do ya want for nothing?") ==
        "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
  CHECK(bot::crypto::constant_time_equal("abc", "abc"));
  CHECK_FALSE(bot::crypto::constant_time_equal("abc", "abd"));
  CHECK_FALSE(bot::crypto::constant_time_equal("abc", "ab"));
}

TEST_CASE("webhook: a signed group message becomes one normalized message", "[webhook]") {
  auto a = make_adapter();
  auto r = a.parse_inbound(signed_post(testing::fixture("webhook/group_message.json")));
  CHECK(r.response.status == 200);
  REQUIRE(r.events.size() == 1);
  const auto& m = std::get<bot::message>(r.events[0]);
  CHECK(m.id == "wx-8870213");
  CHECK(m.chat == bot::chat_ref{"webhook", "wechat", bot::chat_kind::group, "wechat:2233445566@chatroom"});
  CHECK(m.chat_title == "3栋业主群");
  CHECK(m.sender.platform == "webhook");
  CHECK(m.sender.id == "wechat:wxid_wang_ayi");
  CHECK(m.sender.name == "王阿姨");
  CHECK(m.text == "报修 3-2-1201 厨房水管漏水");
  CHECK(m.unix_ms == 1'764'547'200'000);
  CHECK_FALSE(m.addressed_to_bot);
}

TEST_CASE("webhook: numeric ids, mentions, quotes and images, unknown fields are ignored", "[webhook]") {
  auto a = make_adapter();
  auto r = a.parse_inbound(signed_post(testing::fixture("webhook/direct_message_with_image.json")));
  REQUIRE(r.events.size() == 1);
  const auto& m = std::get<bot::message>(r.events[0]);
  CHECK(m.id == "99881");
  CHECK(m.chat.kind == bot::chat_kind::direct);
  CHECK(m.addressed_to_bot);
  CHECK(m.quoted_id == "wx-8870100");
  REQUIRE(m.images.size() == 1);
  CHECK(m.images[0].reference == "https://bridge.example/media/abc.jpg");
}

TEST_CASE("webhook: wrong or missing signatures are 401 and yield nothing", "[webhook]") {
  auto a = make_adapter();
  const std::string body = testing::fixture("webhook/group_message.json");
  auto check = [&](const bot::http_request& req) {
    auto r = a.parse_inbound(req);
    CHECK(r.response.status == 401);
    CHECK(r.events.empty());
  };
  check(signed_post(body, "sha256=" + bot::crypto::hmac_sha256_hex("wrong secret", body)));
  check(signed_post(body, "sha1=" + bot::crypto::hmac_sha1_hex(adapter_secret, body)));
  auto tampered = signed_post(body);
  tampered.body[10] = 'X';
  check(tampered);
  bot::http_request unsigned_req;
  unsigned_req.body = body;
  check(unsigned_req);
  // Upper-case hex is the same signature.
  std::string upper = bot::crypto::hmac_sha256_hex(adapter_secret, body);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(a.parse_inbound(signed_post(body, "sha256=" + upper)).response.status == 200);
}

TEST_CASE("webhook: malformed bodies are 400 with a reason", "[webhook]") {
  auto a = make_adapter();
  for (const char* name :
       {"webhook/missing_sender.json", "webhook/bad_chat_type.json", "webhook/truncated.json"}) {
    INFO(name);
    auto r = a.parse_inbound(signed_post(testing::fixture(name)));
    CHECK(r.response.status == 400);
    CHECK(r.events.empty());
    CHECK(nlohmann::json::parse(r.response.body).contains("error"));
  }
  CHECK(a.parse_inbound(signed_post("[1,2,3]")).response.status == 400);
  CHECK(a.parse_inbound(signed_post("")).response.status == 400);
}

TEST_CASE("webhook: replies are signed JSON with a delivery id", "[webhook]") {
  auto a = make_adapter();
  bot::delivery row;
  row.id = 42;
  row.target = {"webhook", "wechat", bot::chat_kind::group, "2233445566@chatroom"};
  row.body.text = "已登记报修工单 #1";
  row.body.mentions.push_back({"wxid_wang_ayi", "王阿姨"});
  row.body.quote_id = "wx-8870213";
  auto call = a.render_outbound(row);
  CHECK(call.url == "http://127.0.0.1:9/bridge");
  auto j = nlohmann::json::parse(call.body);
  CHECK(j["platform"] == "wechat");
  CHECK(j["chat"]["id"] == "2233445566@chatroom");
  CHECK(j["chat"]["type"] == "group");
  CHECK(j["text"] == "已登记报修工单 #1");
  CHECK(j["mentions"][0]["id"] == "wxid_wang_ayi");
  CHECK(j["quote_id"] == "wx-8870213");
  CHECK(j["delivery_id"] == "42");
  bool signed_ok = false, has_delivery = false;
  for (const auto& [k, v] : call.headers) {
    if (k == "X-Signature")
      signed_ok = v == "sha256=" + bot::crypto::hmac_sha256_hex(adapter_secret, call.body);
    if (k == "X-Estatebot-Delivery") has_delivery = v == "42";
  }
  CHECK(signed_ok);
  CHECK(has_delivery);
}

TEST_CASE("webhook: how the bridge's answers are read", "[webhook]") {
  auto a = make_adapter();
  using st = bot::send_result::status;
  auto read = [&](int status, std::string body = "", bool sent = true) {
    bot::http_reply r;
    r.status = status;
    r.body = std::move(body);
    r.request_sent = sent;
    if (status == 0) r.error = "connect: refused";
    return a.read_send_response(r);
  };
  auto ok = read(200, R"({"message_id":"wx-9"})");
  CHECK(ok.outcome == st::sent);
  CHECK(ok.platform_message_id == "wx-9");
  CHECK(read(204).outcome == st::sent);
  CHECK(read(500).outcome == st::retry);
  CHECK(read(429).outcome == st::retry);
  CHECK(read(404).outcome == st::failed);
  CHECK(read(0, "", false).outcome == st::unreachable);  // never reached the bridge: waits for it
  CHECK(read(503).outcome == st::retry);                 // it got there and was refused for now
  CHECK(read(0, "", true).outcome == st::uncertain);     // may have been delivered
  bot::http_reply limited;
  limited.status = 429;
  limited.headers.emplace_back("Retry-After", "30");
  CHECK(a.read_send_response(limited).retry_after_ms == 30'000);
}

namespace {

nlohmann::json fixture_json(const char* name) {
  return nlohmann::json::parse(testing::fixture(name));
}

bot::message parsed(const webhook_adapter& a, const std::string& body) {
  auto r = a.parse_inbound(signed_post(body));
  INFO(r.response.body);
  REQUIRE(r.response.status == 200);
  REQUIRE(r.events.size() == 1);
  return std::get<bot::message>(r.events[0]);
}

}  // namespace

TEST_CASE("webhook: people and chats are keyed by the message's network", "[webhook][hardening]") {
  auto a = make_adapter();
  auto j = fixture_json("webhook/group_message.json");
  const auto wechat = parsed(a, j.dump());
  j["platform"] = "telegram";
  const auto telegram = parsed(a, j.dump());
  CHECK(wechat.sender.id == "wechat:wxid_wang_ayi");
  CHECK(telegram.sender.id == "telegram:wxid_wang_ayi");
  CHECK(wechat.chat.id != telegram.chat.id);

  // Replies name the chat and the people as the bridge knows them.
  bot::delivery row;
  row.target = telegram.chat;
  row.body.text = "好的";
  row.body.mentions.push_back({telegram.sender.id, "王阿姨"});
  auto out = nlohmann::json::parse(a.render_outbound(row).body);
  CHECK(out["platform"] == "telegram");
  CHECK(out["chat"]["id"] == "2233445566@chatroom");
  CHECK(out["mentions"][0]["id"] == "wxid_wang_ayi");
}

TEST_CASE("webhook: ids are kept as their exact text, also beyond 2^63 and 2^64", "[webhook][hardening]") {
  auto a = make_adapter();
  const std::string body = testing::fixture("webhook/group_message.json");
  auto with_id = [&](const std::string& id_json) {
    auto j = nlohmann::json::parse(body);
    j["message_id"] = 0;
    std::string text = j.dump();
    const std::string from = R"("message_id":0)";
    return text.replace(text.find(from), from.size(), R"("message_id":)" + id_json);
  };
  CHECK(parsed(a, with_id("-1")).id == "-1");
  CHECK(parsed(a, with_id("9223372036854775808")).id == "9223372036854775808");
  CHECK(parsed(a, with_id("18446744073709551615")).id == "18446744073709551615");
  CHECK(parsed(a, with_id("18446744073709551617")).id == "18446744073709551617");
  CHECK(parsed(a, with_id("123456789012345678901234567890")).id == "123456789012345678901234567890");
  CHECK(a.parse_inbound(signed_post(with_id("1.5"))).response.status == 400);
  CHECK(a.parse_inbound(signed_post(with_id("true"))).response.status == 400);
}

TEST_CASE("webhook: a field of the wrong type is 400 naming the field, never an exception",
          "[webhook][hardening]") {
  auto a = make_adapter();
  const auto good = fixture_json("webhook/direct_message_with_image.json");
  const std::vector<std::pair<nlohmann::json::json_pointer, nlohmann::json>> wrong = {
      {"/chat/type"_json_pointer, 7},
      {"/chat/type"_json_pointer, nlohmann::json::array({"group"})},
      {"/chat/type"_json_pointer, nlohmann::json::object()},
      {"/chat/id"_json_pointer, 1.5},
      {"/chat/id"_json_pointer, ""},
      {"/chat/name"_json_pointer, 12},
      {"/chat"_json_pointer, "group"},
      {"/sender/id"_json_pointer, false},
      {"/sender/name"_json_pointer, nlohmann::json::array()},
      {"/sender"_json_pointer, 5},
      {"/message_id"_json_pointer, nlohmann::json::object()},
      {"/platform"_json_pointer, 3},
      {"/text"_json_pointer, 3},
      {"/time"_json_pointer, "yesterday"},
      {"/mentions_bot"_json_pointer, "yes"},
      {"/quote_id"_json_pointer, 2.5},
      {"/images"_json_pointer, "https://x/y.jpg"},
      {"/images"_json_pointer, nlohmann::json::array({1})},
  };
  for (const auto& [where, value] : wrong) {
    auto j = good;
    j[where] = value;
    INFO(where.to_string() << " = " << value.dump());
    auto r = a.parse_inbound(signed_post(j.dump()));
    CHECK(r.response.status == 400);
    CHECK(r.events.empty());
    const std::string field = where.to_string().substr(1);
    std::string named = field;
    for (char& c : named)
      if (c == '/') c = '.';
    CHECK(nlohmann::json::parse(r.response.body)["error"].get<std::string>().find(named) !=
          std::string::npos);
  }
  // Optional fields may be null: the same as absent.
  auto nulls = good;
  for (const char* key : {"time", "mentions_bot", "quote_id", "images"}) nulls[key] = nullptr;
  CHECK(parsed(a, nulls.dump()).images.empty());
}

TEST_CASE("webhook: at most 9 images of a message are kept, the first ones", "[webhook][hardening]") {
  auto a = make_adapter();
  auto j = fixture_json("webhook/direct_message_with_image.json");
  j["images"] = nlohmann::json::array();
  for (int i = 0; i < 10'000; ++i)
    j["images"].push_back("https://bridge.example/" + std::to_string(i) + ".jpg");
  auto m = parsed(a, j.dump());
  REQUIRE(m.images.size() == adapters::max_images_per_message);
  CHECK(adapters::max_images_per_message == 9);
  CHECK(m.images.front().reference == "https://bridge.example/0.jpg");
  CHECK(m.images.back().reference == "https://bridge.example/8.jpg");
}
