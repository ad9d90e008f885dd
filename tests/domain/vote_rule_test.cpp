// Civil Code Art. 278 as the bot counts it, at the exact boundaries: participation needs 2/3 of the
// area AND 2/3 of the owners; matters (6)–(8) pass with 3/4 of the participating area AND owners,
// every other matter with more than half of both. "以上" includes the bound, "过半数" does not.
#include <catch2/catch.hpp>

#include "domain/votes/rule.hpp"

using domain::votes::counts;
using domain::votes::decide;
using domain::votes::share;

namespace {

counts make_rule(share total, share part, share yes) {
  return counts{total, part, yes};
}

}  // namespace

TEST_CASE("participation is valid at exactly two thirds of area and owners, not one unit less",
          "[votes][rule]") {
  // 300.00 m² and 30 owners in all; 200.00 m² and 20 owners is exactly 2/3.
  auto exact = decide(make_rule({30000, 30}, {20000, 20}, {20000, 20}), 1, false);
  CHECK(exact.quorum);
  CHECK(exact.passed);
  CHECK_FALSE(decide(make_rule({30000, 30}, {19999, 20}, {19999, 20}), 1, false).quorum);  // 0.01 m² short
  CHECK_FALSE(decide(make_rule({30000, 30}, {20000, 19}, {20000, 19}), 1, false).quorum);  // one owner short
  // Both measures are needed: all the area with too few owners is not enough, nor the reverse.
  CHECK_FALSE(decide(make_rule({30000, 30}, {30000, 19}, {30000, 19}), 1, false).quorum);
  CHECK_FALSE(decide(make_rule({30000, 30}, {19999, 30}, {19999, 30}), 1, false).quorum);
  // Totals that are not multiples of 3: 100.01 m² needs 66.68 m² (66.67 is 0.0067 short).
  CHECK_FALSE(decide(make_rule({10001, 7}, {6667, 5}, {6667, 5}), 1, false).quorum);
  CHECK(decide(make_rule({10001, 7}, {6668, 5}, {6668, 5}), 1, false).quorum);
  CHECK_FALSE(decide(make_rule({10001, 7}, {6668, 4}, {6668, 4}), 1, false).quorum);  // 4/7 < 2/3
}

TEST_CASE("ordinary matters pass with strictly more than half of the participating area and owners",
          "[votes][rule]") {
  const share total{20000, 20}, part{20000, 20};
  for (int matter : {1, 2, 3, 4, 5, 9}) {
    INFO("matter " << matter);
    CHECK_FALSE(decide(make_rule(total, part, {10000, 11}), matter, false).passed);  // exactly half the area
    CHECK_FALSE(
        decide(make_rule(total, part, {10001, 10}), matter, false).passed);  // exactly half the owners
    CHECK(decide(make_rule(total, part, {10001, 11}), matter, false).passed);
  }
  // The denominator is the participating share, not the total.
  auto v = decide(make_rule({30000, 30}, {21000, 21}, {10501, 11}), 5, false);
  CHECK(v.quorum);
  CHECK(v.passed);
  CHECK_FALSE(decide(make_rule({30000, 30}, {21000, 21}, {10500, 11}), 5, false).passed);
}

TEST_CASE("matters 6 to 8 pass with three quarters of the participating area and owners, the bound included",
          "[votes][rule]") {
  const share total{40000, 40}, part{40000, 40};
  for (int matter : {6, 7, 8}) {
    INFO("matter " << matter);
    CHECK(decide(make_rule(total, part, {30000, 30}), matter, false).passed);  // exactly 3/4 of both
    CHECK_FALSE(decide(make_rule(total, part, {29999, 30}), matter, false).passed);
    CHECK_FALSE(decide(make_rule(total, part, {30000, 29}), matter, false).passed);
  }
  // What passes matter 5 (use of the funds) does not pass matter 6 (raising them).
  CHECK(decide(make_rule(total, part, {25000, 25}), 5, false).passed);
  CHECK_FALSE(decide(make_rule(total, part, {25000, 25}), 6, false).passed);
  // 3/4 of 101.00 m² is 75.75 m²; 4 of 5 owners is at least 3/4.
  CHECK(decide(make_rule({10100, 5}, {10100, 5}, {7575, 4}), 7, false).passed);
  CHECK_FALSE(decide(make_rule({10100, 5}, {10100, 5}, {7574, 4}), 7, false).passed);
}

TEST_CASE("without a quorum nothing passes, however the returned ballots went", "[votes][rule]") {
  auto v = decide(make_rule({30000, 30}, {15000, 15}, {15000, 15}), 1, false);
  CHECK_FALSE(v.quorum);
  CHECK_FALSE(v.passed);
  CHECK_FALSE(decide(make_rule({0, 0}, {0, 0}, {0, 0}), 1, false).quorum);  // an empty roster decides nothing
}

TEST_CASE("the unreturned-ballot switch: unreturned ballots follow the returned majority, raw counts kept",
          "[votes][rule]") {
  // 54.5 % returned, as in the Minhang cases: no quorum by the Code's own numbers.
  const share total{100000, 110}, part{54500, 60};
  auto off = decide(make_rule(total, part, {40000, 45}), 1, false);
  CHECK_FALSE(off.quorum);
  CHECK_FALSE(off.adjusted);
  auto on = decide(make_rule(total, part, {40000, 45}), 1, true);
  CHECK(on.adjusted);
  CHECK(on.quorum);
  CHECK(on.passed);
  CHECK(on.counted.participating.area_centi == 100000);
  CHECK(on.counted.participating.heads == 110);
  CHECK(on.counted.yes.area_centi == 40000 + 45500);
  CHECK(on.counted.yes.heads == 45 + 50);
  CHECK(on.raw.yes.area_centi == 40000);  // the raw counts are still there to show
  // When the returned ballots do not approve, the unreturned ones join the others: it fails.
  auto against = decide(make_rule(total, part, {27250, 30}), 1, true);
  CHECK(against.adjusted);
  CHECK(against.quorum);
  CHECK_FALSE(against.passed);
  CHECK(against.counted.yes.area_centi == 27250);
  // Matters 6–8 still need 3/4 of the returned ballots for the majority to carry the rest.
  CHECK_FALSE(decide(make_rule(total, part, {40000, 45}), 6, true).passed);
  CHECK(decide(make_rule(total, part, {41000, 45}), 6, true).passed);
}
