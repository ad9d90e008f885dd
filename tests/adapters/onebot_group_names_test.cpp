// Which QQ groups' names are asked for: once per group and run, one lookup at a time per account,
// none for a group whose event named it; a lookup that could not go out is asked again when the
// group is next heard, one the client refused only after an hour.
#include <catch2/catch.hpp>

#include "adapters/onebot/group_names.hpp"

using adapters::onebot::group_names;
using outcome = group_names::outcome;

TEST_CASE("onebot group names: one lookup per group, one at a time per account", "[onebot]") {
  group_names n;
  n.heard("10001", "880001", "", 0);
  n.heard("10001", "880001", "", 1);  // heard again while waiting: still one lookup
  n.heard("10001", "880002", "", 2);
  n.heard("10001", "880003", "阳光花园3栋业主群", 3);  // NapCat named it in the event
  n.heard("20002", "880001", "", 4);                   // another account's view of a group
  CHECK(n.waiting("10001") == 2);
  auto first = n.next("10001");
  REQUIRE(first);
  CHECK(*first == "880001");
  CHECK_FALSE(n.next("10001"));  // the client is asked one thing at a time
  CHECK(n.next("20002") == std::optional<std::string>("880001"));
  n.finished("10001", "880001", outcome::named, 10);
  CHECK(n.next("10001") == std::optional<std::string>("880002"));
  n.finished("10001", "880002", outcome::named, 11);
  n.heard("10001", "880001", "", 12);
  n.heard("10001", "880002", "", 13);
  CHECK_FALSE(n.next("10001"));  // named: never asked again in this run
}

TEST_CASE("onebot group names: no route means ask again, a refusal waits an hour", "[onebot]") {
  group_names n;
  n.heard("10001", "880001", "", 0);
  n.heard("10001", "880002", "", 0);
  n.finished("10001", *n.next("10001"), outcome::not_sent, 5);
  n.finished("10001", *n.next("10001"), outcome::refused, 5);
  n.heard("10001", "880001", "", 6);
  n.heard("10001", "880002", "", 6);
  CHECK(n.next("10001") == std::optional<std::string>("880001"));
  n.finished("10001", "880001", outcome::named, 7);
  CHECK_FALSE(n.next("10001"));
  n.heard("10001", "880002", "", 5 + group_names::retry_after_refusal_ms);
  CHECK(n.next("10001") == std::optional<std::string>("880002"));
}
