// The pure parts of the statistics: percentiles, what a category's tickets are mostly about, and
// complaints against the baseline and the reduction goal.
#include <catch2/catch.hpp>

#include "domain/stats/complaint_goal.hpp"
#include "domain/stats/percentile.hpp"
#include "domain/stats/top_words.hpp"

namespace stats_figures_test {

using namespace domain::stats;

TEST_CASE("median and 90th percentile are values that happened", "[stats]") {
  auto s = spread_of({50, 10, 40, 20, 30, 60, 70, 80, 90, 100});
  CHECK(s.n == 10);
  CHECK(s.median == 50);
  CHECK(s.p90 == 90);
  auto one = spread_of({7});
  CHECK(one.median == 7);
  CHECK(one.p90 == 7);
  auto none = spread_of({});
  CHECK(none.n == 0);
  CHECK_FALSE(none.median);
}

TEST_CASE("the words most descriptions of a category share", "[stats]") {
  const std::vector<std::string> leaks = {"厨房水管漏水了", "卫生间天花板漏水，厨房也有", "楼上漏水到我家厨房",
                                          "3-2-1201 卫生间漏水"};
  auto words = top_words(leaks, "漏水", 2);
  REQUIRE(words.size() == 2);
  CHECK(words[0] == "厨房");  // three descriptions
  CHECK(words[1] == "卫生间");  // two: the pair 卫生 widened to the phrase both write
  CHECK(top_words({"电梯异响"}, "电梯", 2).empty());  // one description shares nothing
  CHECK(top_words({"电梯坏了", "电梯坏了"}, "电梯", 2).empty());  // 梯坏 straddles the category's name
  CHECK(top_words({"电梯异响很大", "电梯有异响"}, "电梯", 2) == std::vector<std::string>{"异响"});
  CHECK(top_words({"楼下烧烤油烟太大", "楼下烧烤油烟太大了", "楼下烧烤"}, "其他", 2) ==
        std::vector<std::string>{"楼下烧烤"});  // not again inside the rarer 楼下烧烤油烟太大
}

TEST_CASE("complaints against the baseline, scaled to the period's length", "[stats]") {
  const std::int64_t day = 86'400'000;
  auto met = compare_complaints(4, 5 * day, 5, 5 * day, 20);
  CHECK(met.baseline == 5);
  CHECK(met.change_percent == -20);
  CHECK(met.met);
  CHECK(met.gap_points == 0);
  auto gap = compare_complaints(38, 30 * day, 43, 30 * day, 20);
  CHECK(gap.change_percent == -12);
  CHECK_FALSE(gap.met);
  CHECK(gap.gap_points == 8);
  auto scaled = compare_complaints(4, 5 * day, 10, 10 * day, 20);  // a 10-day baseline of 10
  CHECK(scaled.baseline == 5);
  CHECK(scaled.change_percent == -20);
  auto more = compare_complaints(12, day, 9, day, 20);
  CHECK(more.change_percent == 33);
  CHECK_FALSE(more.met);
  CHECK(more.gap_points == 0);
  CHECK_FALSE(compare_complaints(3, day, 0, day, 20).baseline);
  // 100 complaints a year, asked about one hour: under one expected, nothing to compare.
  CHECK_FALSE(compare_complaints(1, day / 24, 100, 365 * day, 20).baseline);
}

}  // namespace stats_figures_test
