// Who sees the details of /healthz: peers on this machine, and others only with the health token.
#include <catch2/catch.hpp>

#include "bot/config.hpp"
#include "bot/health_access.hpp"

namespace {

bot::http_request from(const std::string& remote, const std::string& authorization = {}) {
  bot::http_request r;
  r.method = "GET";
  r.path = "/healthz";
  r.remote = remote;
  if (!authorization.empty()) r.headers.emplace_back("authorization", authorization);
  return r;
}

}  // namespace

TEST_CASE("health: loopback peers see the details, other hosts only with the token", "[health][hardening]") {
  CHECK(bot::sees_health_details(from("127.0.0.1:40000"), ""));
  CHECK(bot::sees_health_details(from("127.3.4.5:40000"), ""));
  CHECK(bot::sees_health_details(from("::1:40000"), ""));
  CHECK(bot::sees_health_details(from("::ffff:127.0.0.1:40000"), ""));
  CHECK_FALSE(bot::sees_health_details(from("192.0.2.7:40000"), ""));
  CHECK_FALSE(bot::sees_health_details(from("::ffff:192.0.2.7:40000"), ""));
  CHECK_FALSE(bot::sees_health_details(from("fd00::127:40000"), ""));
  CHECK_FALSE(bot::sees_health_details(from(""), ""));
  // Through a reverse proxy on this machine: loopback, but not local.
  for (const char* header : {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
    auto proxied = from("127.0.0.1:40000");
    proxied.headers.emplace_back(header, "203.0.113.9");
    CHECK_FALSE(bot::sees_health_details(proxied, ""));
    proxied.headers.emplace_back("Authorization", "Bearer t");
    CHECK(bot::sees_health_details(proxied, "t"));
  }
  // No token configured: no header opens the details.
  CHECK_FALSE(bot::sees_health_details(from("192.0.2.7:40000", "Bearer "), ""));
  CHECK(bot::sees_health_details(from("192.0.2.7:40000", "Bearer s3cret-token"), "s3cret-token"));
  CHECK_FALSE(bot::sees_health_details(from("192.0.2.7:40000", "Bearer s3cret-tokem"), "s3cret-token"));
  CHECK_FALSE(bot::sees_health_details(from("192.0.2.7:40000", "s3cret-token"), "s3cret-token"));
  CHECK_FALSE(bot::sees_health_details(from("192.0.2.7:40000", "Basic s3cret-token"), "s3cret-token"));
}

TEST_CASE("health: the token comes from [server] health_token or the environment", "[health][config]") {
  CHECK(bot::config::defaults().server.health_token.empty());
  CHECK(bot::config::parse("[server]\nhealth_token = \"abc\"\n", "t").server.health_token == "abc");
  ::setenv("ESTATEBOT_SERVER_HEALTH_TOKEN", "from-env", 1);
  auto c = bot::config::parse("[server]\nhealth_token = \"abc\"\n", "t");
  ::unsetenv("ESTATEBOT_SERVER_HEALTH_TOKEN");
  CHECK(c.server.health_token == "from-env");
}
