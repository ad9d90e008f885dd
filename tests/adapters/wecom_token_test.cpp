// The access_token cache against a fake gettoken on loopback: callers waiting at the same moment
// share one fetch, a cached token is reused, a refused one is replaced once and the call repeated
// once, and a gettoken that fails reaches the caller as that failure.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/wecom/access_token.hpp"
#include "adapters/wecom/api_answer.hpp"
#include "bot/clock.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "support/loop.hpp"
#include "support/loopback_server.hpp"

namespace wecom_token_test {
namespace {

struct token_fake {
  explicit token_fake(boost::asio::io_context& io) : server(io, testing::loopback_server()) {
    server.route("GET", "/cgi-bin/gettoken", [this](const bot::http_request&) {
      ++fetches;
      if (refuse_fetch) return json({{"errcode", 40013}, {"errmsg", "invalid corpid"}});
      if (forget_token) return json({{"errcode", 0}, {"errmsg", "ok"}});
      token = "tok-" + std::to_string(fetches);
      return json({{"errcode", 0}, {"errmsg", "ok"}, {"access_token", token}, {"expires_in", 7200}});
    });
    server.route("POST", "/cgi-bin/message/send", [this](const bot::http_request& r) {
      ++sends;
      if (r.query_param("access_token") != token || expire_always)
        return json({{"errcode", 42001}, {"errmsg", "expired"}});
      return json({{"errcode", 0}, {"errmsg", "ok"}});
    });
    port = server.start();
  }
  static bot::http_response json(const nlohmann::json& j) { return {200, "application/json", j.dump(), {}}; }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port) + path; }
  bot::http_server server;
  std::uint16_t port = 0;
  int fetches = 0, sends = 0;
  std::string token;
  bool refuse_fetch = false, expire_always = false, forget_token = false;
};

}  // namespace

TEST_CASE("five sends at once share one gettoken, and the cached token serves the next", "[wecom]") {
  boost::asio::io_context io;
  token_fake fake(io);
  bot::http_client http(io);
  bot::system_clock clock;
  adapters::wecom::access_token token(http, clock, fake.url("/cgi-bin/gettoken?corpid=c&corpsecret=s"),
                                      5'000);
  std::vector<std::string> got;
  for (int i = 0; i < 5; ++i)
    token.get([&](std::optional<std::string> t, const bot::http_reply&) { got.push_back(t.value_or("")); });
  REQUIRE(testing::run_until(io, [&] { return got.size() == 5; }));
  CHECK(fake.fetches == 1);
  CHECK(std::count(got.begin(), got.end(), "tok-1") == 5);
  token.get([&](std::optional<std::string> t, const bot::http_reply&) { got.push_back(t.value_or("")); });
  CHECK(got.back() == "tok-1");  // from the cache, at once
  CHECK(fake.fetches == 1);
}

TEST_CASE("a refused token is fetched again once and the call repeated once, never more", "[wecom]") {
  boost::asio::io_context io;
  token_fake fake(io);
  bot::http_client http(io);
  bot::system_clock clock;
  adapters::wecom::access_token token(http, clock, fake.url("/cgi-bin/gettoken?corpid=c&corpsecret=s"),
                                      5'000);
  auto send = [&] {
    std::optional<bot::send_result> result;
    adapters::wecom::call_with_token(
        http, token,
        [&](const std::string& t) {
          bot::http_call c;
          c.url = fake.url("/cgi-bin/message/send?access_token=" + t);
          c.body = "{}";
          return c;
        },
        [&](bot::http_reply reply) { result = adapters::wecom::read_api_answer(reply); });
    REQUIRE(testing::run_until(io, [&] { return result.has_value(); }));
    return *result;
  };
  CHECK(send().outcome == bot::send_result::status::sent);
  fake.token = "rotated-by-wecom";  // WeCom invalidated it early
  CHECK(send().outcome == bot::send_result::status::sent);
  CHECK(fake.fetches == 2);
  fake.expire_always = true;
  const int sends_before = fake.sends;
  const auto stuck = send();
  CHECK(stuck.outcome == bot::send_result::status::retry);  // a configuration matter, not the message's
  CHECK(fake.sends == sends_before + 2);
  CHECK(fake.fetches == 3);
  fake.expire_always = false;
  fake.refuse_fetch = true;
  token.forget(fake.token);
  const auto no_token = send();
  CHECK(no_token.outcome == bot::send_result::status::retry);
  CHECK_THAT(no_token.error, Catch::Contains("40013"));
}

TEST_CASE("a gettoken that says ok without a token is a failure, never a sent message", "[wecom]") {
  boost::asio::io_context io;
  token_fake fake(io);
  fake.forget_token = true;
  bot::http_client http(io);
  bot::system_clock clock;
  adapters::wecom::access_token token(http, clock, fake.url("/cgi-bin/gettoken?corpid=c&corpsecret=s"),
                                      5'000);
  std::optional<bot::send_result> result;
  adapters::wecom::call_with_token(
      http, token,
      [&](const std::string& t) {
        return bot::http_call{"POST", fake.url("/cgi-bin/message/send?access_token=" + t), {}, "{}", 5'000};
      },
      [&](bot::http_reply reply) { result = adapters::wecom::read_api_answer(reply); });
  REQUIRE(testing::run_until(io, [&] { return result.has_value(); }));
  CHECK(result->outcome == bot::send_result::status::retry);
  CHECK(fake.sends == 0);
}

}  // namespace wecom_token_test
