// Two instances on one PostgreSQL database; the QQ client's reverse WebSocket reaches only one of
// them. An owner's 报修 posted to the other is answered through that WebSocket at once: the commit
// NOTIFYs, the holder LISTENs and pumps (both poll only every ten minutes here). Needs PostgreSQL
// ("[pg-only]", scripts/test-postgres).
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "support/onebot_harness.hpp"
#include "support/scratch_db.hpp"

namespace pg_notify_test {

using namespace testing::onebot;

TEST_CASE("a reply owed through a WebSocket another instance holds goes out at once",
          "[.][pg-only][onebot]") {
  REQUIRE(testing::on_postgres());
  const std::string url = testing::scratch_database();
  storage::database init(url);  // migrated once here
  boost::asio::io_context io;
  bot::system_clock clock;
  bot::http_client client(io);
  const auto cfg = bot::config::parse(fmt::format(R"(
[server]
port = 0
[storage]
backend = "postgres"
url = "{}"
poll_ms = 600000
[adapters.console]
enabled = false
[adapters.onebot]
enabled = true
secret = "{}"
access_token = "{}"
self_ids = [{}]
)",
                                                  url, secret, token, bot_qq));
  bot::app holder(cfg, io, clock), other(cfg, io, clock);
  const auto holder_port = holder.start(false);
  const auto other_port = other.start(false);

  auto qq = std::make_shared<testing::fake_ws_client>(io);
  qq->connect(holder_port, "/onebot/ws",
              {{"X-Self-ID", bot_qq},
               {"X-Client-Role", "Universal"},
               {"Authorization", std::string("Bearer ") + token}});
  REQUIRE(testing::run_until(io, [&] { return qq->open; }));

  const std::string body = group_message(501, 880001, 1912345678, "报修 3-2-1201 厨房水管漏水").dump();
  bot::http_call post;
  post.url = fmt::format("http://127.0.0.1:{}/onebot", other_port);
  post.body = body;
  post.headers = {{"Content-Type", "application/json"},
                  {"X-Self-ID", bot_qq},
                  {"X-Signature", "sha1=" + bot::crypto::hmac_sha1_hex(secret, body)}};
  std::optional<bot::http_reply> answer;
  client.request(post, [&](bot::http_reply r) { answer = std::move(r); });
  REQUIRE(testing::run_until(io, [&] { return answer.has_value(); }));
  CHECK(answer->status / 100 == 2);

  // The reply reaches the group through the holder's WebSocket, long before either instance polls.
  REQUIRE(testing::run_until(io, [&] {
    for (const auto& call : qq->calls)
      if (call["action"] == "send_group_msg" && call["params"]["group_id"] == 880001) return true;
    return false;
  }));
  holder.stop();
  other.stop();
}

}  // namespace pg_notify_test
