// Who may post events and open the reverse WebSocket: X-Self-ID, HMAC-SHA1 signatures over the
// raw body, the access token in each scheme the clients use, the X-Client-Role header.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/onebot/http_post.hpp"
#include "bot/crypto.hpp"
#include "support/fixtures.hpp"

namespace onebot_auth_test {

using namespace adapters::onebot;

namespace {

constexpr const char* secret = "estatebot-onebot-密钥";

auth_rules rules() {
  auth_rules r;
  r.secret = secret;
  r.access_token = "tok-123-long-enough-to-leave-sso";
  return r;
}

bot::http_request post(const std::string& body, const std::string& self_id, const std::string& signature) {
  bot::http_request r;
  r.method = "POST";
  r.path = "/onebot";
  r.body = body;
  if (!self_id.empty()) r.headers.emplace_back("x-self-id", self_id);
  if (!signature.empty()) r.headers.emplace_back("x-signature", signature);
  return r;
}

std::string sign(const std::string& body) {
  return "sha1=" + bot::crypto::hmac_sha1_hex(secret, body);
}

bot::http_request upgrade(std::vector<std::pair<std::string, std::string>> headers, std::string query = "") {
  bot::http_request r;
  r.method = "GET";
  r.path = "/onebot/ws";
  r.query = std::move(query);
  for (auto& [k, v] : headers) r.headers.emplace_back(k, v);
  return r;
}

}  // namespace

TEST_CASE("onebot: HMAC-SHA1 known answers (RFC 2202 and a fixture body signed by Python's hmac)",
          "[onebot][crypto]") {
  CHECK(bot::crypto::hmac_sha1_hex(std::string(20, '\x0b'), "Hi There") ==
        "b617318655057264e28bc0b6fb378c8ef146be00");
  CHECK(bot::crypto::hmac_sha1_hex(secret, testing::fixture("onebot/events/napcat_group_array.json")) ==
        "812537317e84dfc2d85fe6deffb45ed0ff764965");
}

TEST_CASE("onebot: a signed event is accepted with 204 and parsed", "[onebot]") {
  const std::string body = testing::fixture("onebot/events/napcat_group_array.json");
  auto r = read_post(post(body, "3889001234", sign(body)), rules(), {});
  CHECK(r.response.status == 204);
  CHECK(r.response.body.empty());
  CHECK(r.event.events.size() == 1);

  // NapCat sends lower-case header names; some clients upper-case hex: both are fine.
  std::string upper = sign(body);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(read_post(post(body, "3889001234", upper), rules(), {}).response.status == 204);
}

TEST_CASE("onebot: HTTP POST refusals: 400 without X-Self-ID, 401 unsigned, 403 wrong, nothing parsed",
          "[onebot]") {
  const std::string body = testing::fixture("onebot/events/napcat_group_array.json");
  auto refused = [&](const bot::http_request& req, int status) {
    auto r = read_post(req, rules(), {});
    CHECK(r.response.status == status);
    CHECK(r.event.events.empty());
  };
  refused(post(body, "", sign(body)), 400);
  refused(post(body, "abc", sign(body)), 400);
  refused(post(body, "3889001234", ""), 401);
  refused(post(body, "3889001234", "sha1=" + std::string(40, '0')), 403);
  refused(post(body, "3889001234", "sha256=" + bot::crypto::hmac_sha256_hex(secret, body)), 403);
  refused(post(body + " ", "3889001234", sign(body)), 403);  // signed bytes differ from the received ones
  refused(post(body, "10001", sign(body)), 400);             // X-Self-ID is not the event's self_id
  refused(post("{\"self_id\":", "3889001234", sign("{\"self_id\":")), 400);
  refused(post("[]", "3889001234", sign("[]")), 400);

  auto only_other = rules();
  only_other.self_ids = {"10001"};
  auto r = read_post(post(body, "3889001234", sign(body)), only_other, {});
  CHECK(r.response.status == 403);
  CHECK(r.event.events.empty());

  auto no_secret = rules();
  no_secret.secret.clear();
  CHECK(read_post(post(body, "3889001234", ""), no_secret, {}).response.status == 401);
}

TEST_CASE("onebot: reverse WebSocket accepts Bearer, Token and ?access_token=", "[onebot]") {
  auto ok = [](const bot::http_request& req) {
    auto a = admit_ws(req, rules());
    INFO((a.refusal ? a.refusal->body : "accepted"));
    return !a.refusal;
  };
  CHECK(ok(upgrade({{"authorization", "Bearer tok-123-long-enough-to-leave-sso"},
                    {"x-self-id", "10001"},
                    {"x-client-role", "Universal"}})));
  CHECK(ok(upgrade({{"authorization", "Token tok-123-long-enough-to-leave-sso"},
                    {"x-self-id", "10001"},
                    {"x-client-role", "Event"}})));
  CHECK(ok(upgrade({{"x-self-id", "10001"}}, "access_token=tok-123-long-enough-to-leave-sso")));
  auto api = admit_ws(upgrade({{"authorization", "bearer tok-123-long-enough-to-leave-sso"},
                               {"x-self-id", "10001"},
                               {"x-client-role", "API"}}),
                      rules());
  CHECK(api.role == ws_role::api);
  CHECK(api.self_id == "10001");
  CHECK(admit_ws(
            upgrade({{"authorization", "Bearer tok-123-long-enough-to-leave-sso"}, {"x-self-id", "10001"}}),
            rules())
            .role == ws_role::universal);
}

TEST_CASE("onebot: reverse WebSocket refusals", "[onebot]") {
  auto status = [](const bot::http_request& req, const auth_rules& r = rules()) {
    auto a = admit_ws(req, r);
    return a.refusal ? a.refusal->status : 101;
  };
  CHECK(status(upgrade({{"x-self-id", "10001"}})) == 401);
  CHECK(status(upgrade({{"authorization", "Bearer "}, {"x-self-id", "10001"}})) ==
        401);  // Lagrange with no token
  CHECK(status(upgrade(
            {{"authorization", "Bearer tok-124-long-enough-to-leave-sso"}, {"x-self-id", "10001"}})) == 403);
  CHECK(status(upgrade({{"x-self-id", "10001"}}, "access_token=nope")) == 403);
  CHECK(status(upgrade({{"authorization", "Bearer tok-123-long-enough-to-leave-sso"}})) == 400);
  CHECK(status(upgrade({{"authorization", "Bearer tok-123-long-enough-to-leave-sso"},
                        {"x-self-id", "10001"},
                        {"x-client-role", "Bot"}})) == 400);
  auto listed = rules();
  listed.self_ids = {"3889001234"};
  CHECK(
      status(upgrade({{"authorization", "Bearer tok-123-long-enough-to-leave-sso"}, {"x-self-id", "10001"}}),
             listed) == 403);
  CHECK(status(upgrade({{"authorization", "Bearer tok-123-long-enough-to-leave-sso"},
                        {"x-self-id", "3889001234"}}),
               listed) == 101);
  auto no_token = rules();
  no_token.access_token.clear();
  CHECK(status(upgrade({{"authorization", "Bearer "}, {"x-self-id", "10001"}}), no_token) == 401);
}

}  // namespace onebot_auth_test
