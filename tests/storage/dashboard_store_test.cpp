// Dashboard logins as rows: a link works once and only before it expires; a session lives while it
// is used and never longer than its lifetime; logging out from chat ends every session of a person.
#include <catch2/catch.hpp>

#include "storage/dashboard_store.hpp"
#include "storage/database.hpp"
#include "storage/stores.hpp"
#include "support/scratch_db.hpp"

namespace {

struct logins {
  storage::database db{testing::scratch_database()};
  storage::stores s{db};
  storage::dashboard_store d{db};
  std::int64_t community = s.communities.ensure("阳光花园", 0);
  std::int64_t boss = s.members.touch({"onebot", "10086", "李经理", ""}, 0).id;
  std::int64_t li = s.members.touch({"onebot", "10087", "小李", ""}, 0).id;
};

constexpr std::int64_t minute = 60'000;

}  // namespace

TEST_CASE("dashboard links are taken once, and not after they expire", "[storage][dashboard]") {
  logins l;
  l.d.add_link("h1", {l.boss, l.community, "zh-CN"}, 5 * minute);
  l.d.add_link("h2", {l.li, l.community, "en-US"}, 5 * minute);
  auto who = l.d.take_link("h1", 4 * minute);
  REQUIRE(who);
  CHECK(who->member_id == l.boss);
  CHECK(who->lang == "zh-CN");
  CHECK_FALSE(l.d.take_link("h1", 4 * minute));  // used
  CHECK_FALSE(l.d.take_link("h2", 5 * minute));  // expired at 5 minutes
  CHECK_FALSE(l.d.take_link("h2", 1 * minute));  // and gone once tried
  CHECK_FALSE(l.d.take_link("nope", 0));
}

TEST_CASE("dashboard sessions end after idleness, after their lifetime, and from chat",
          "[storage][dashboard]") {
  logins l;
  const storage::dashboard_login boss{l.boss, l.community, "zh-CN"};
  l.d.open_session("s1", boss, 0);
  l.d.open_session("s2", boss, 0);
  l.d.open_session("s3", {l.li, l.community, "zh-CN"}, 0);
  // Used every 20 minutes with a 30-minute idle limit: alive, until the 12-hour lifetime.
  for (std::int64_t at = 20 * minute; at < 12 * 60 * minute; at += 20 * minute)
    REQUIRE(l.d.use_session("s1", at, at - 30 * minute, at - 12 * 60 * minute));
  const std::int64_t late = 12 * 60 * minute + 10 * minute;
  CHECK_FALSE(l.d.use_session("s1", late, late - 30 * minute, late - 12 * 60 * minute));
  CHECK_FALSE(l.d.use_session("s1", late, 0, 0));  // ended, not just refused once
  // Idle for 31 minutes: ended.
  CHECK_FALSE(l.d.use_session("s2", 31 * minute, 1 * minute, 0));
  // Logging out from chat ends this person's sessions only.
  l.d.open_session("s4", boss, 40 * minute);
  CHECK(l.d.end_sessions_of(l.boss) == 1);
  CHECK_FALSE(l.d.use_session("s4", 41 * minute, 0, 0));
  CHECK(l.d.use_session("s3", 10 * minute, 0, 0));
}
