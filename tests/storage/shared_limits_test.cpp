// Two instances on one PostgreSQL database send through the same bot account: the platform's limit
// is the account's, so together they stay within it, as one instance would. Needs PostgreSQL
// ("[pg-only]", scripts/test-postgres).
#include <catch2/catch.hpp>

#include "support/pump_fixture.hpp"
#include "support/scratch_db.hpp"

namespace shared_limits_test {

using testing::pump::fixture;
using testing::pump::with_platform;

TEST_CASE("two instances together keep an account's send rate", "[.][pg-only][outbox]") {
  REQUIRE(testing::on_postgres());
  const std::string url = testing::scratch_database();
  const auto cfg = with_platform("[outbox.platforms.webhook]\nper_second = 1\nburst = 2\n");
  fixture first(cfg, url), second(cfg, url);
  for (int i = 0; i < 10; ++i) first.put("g" + std::to_string(i));
  first.pump.pump();
  second.pump.pump();
  // Two tokens in the account's bucket: two sends between both instances, not two each.
  CHECK(first.channel.sent.size() + second.channel.sent.size() == 2);
  // A second later the bucket has one more, for whichever instance asks first.
  first.clock.advance_ms(1'000);
  second.clock.advance_ms(1'000);
  second.pump.pump();
  first.pump.pump();
  CHECK(first.channel.sent.size() + second.channel.sent.size() == 3);
  // Nothing went out twice.
  std::vector<std::string> all = first.channel.sent;
  all.insert(all.end(), second.channel.sent.begin(), second.channel.sent.end());
  std::sort(all.begin(), all.end());
  CHECK(std::adjacent_find(all.begin(), all.end()) == all.end());
}

}  // namespace shared_limits_test
