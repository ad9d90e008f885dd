// A survey's figures: what counts as a score in a dialogue, and means, changes and shares in
// integer hundredths as managers and the groups read them.
#include <catch2/catch.hpp>

#include "domain/surveys/results.hpp"
#include "domain/surveys/score_words.hpp"

using domain::surveys::read_score;
using domain::surveys::score_reply;

TEST_CASE("owners' ways of giving a score are read, and anything else is not a score", "[surveys]") {
  for (const char* s : {"4", "４", "4分", "四", "四分", "给4分", "打4分", "4星", "4 stars", " 4。", "4!"}) {
    INFO(s);
    auto r = read_score(s);
    CHECK(r.what == score_reply::score);
    CHECK(r.value == 4);
  }
  CHECK(read_score("两分").value == 2);
  for (const char* s : {"跳过", "跳过。", "不清楚", "Skip", "pass"}) {
    INFO(s);
    CHECK(read_score(s).what == score_reply::skip);
  }
  for (const char* s : {"0", "6", "10", "45", "八", "99分"}) {
    INFO(s);
    CHECK(read_score(s).what == score_reply::out_of_range);
  }
  for (const char* s : {"", "好", "4楼漏水", "3-2-1201", "还行吧", "跳过这个吧其实挺好", "1 2"}) {
    INFO(s);
    CHECK(read_score(s).what == score_reply::other);
  }
}

namespace {

storage::survey_item_row item(const char* zh, std::array<int, 5> scores, int skipped = 0) {
  storage::survey_item_row r;
  r.name_zh = zh;
  r.name_en = zh;
  r.scores = scores;
  r.skipped = skipped;
  return r;
}

}  // namespace

TEST_CASE("means are rounded hundredths, changes match items by name, response counts add up", "[surveys]") {
  const std::vector<storage::survey_item_row> now = {item("保洁", {0, 0, 1, 1, 1}),   // 12/3 = 4.00
                                                     item("停车", {1, 1, 0, 0, 0}, 2),  // 3/2 = 1.50
                                                     item("绿化", {0, 0, 0, 0, 0}, 3),  // nobody scored
                                                     item("新项", {0, 0, 0, 2, 1})};    // 13/3 = 4.333
  const std::vector<storage::survey_item_row> before = {item("保洁", {0, 0, 3, 0, 0}),  // 3.00
                                                        item("停车", {0, 1, 0, 0, 0}),  // 2.00
                                                        item("绿化", {0, 0, 0, 0, 1})};
  const std::vector<storage::survey_turnout> turnout = {{"1", 10, 4, 1}, {"2", 5, 1, 0}};
  auto r = domain::surveys::compute(now, turnout, before);
  REQUIRE(r.items.size() == 4);
  CHECK(r.items[0].mean_centi == 400);
  CHECK(r.items[0].change_centi == 100);
  CHECK(r.items[1].mean_centi == 150);
  CHECK(r.items[1].change_centi == -50);
  CHECK(r.items[1].answered == 2);
  CHECK_FALSE(r.items[2].mean_centi);
  CHECK_FALSE(r.items[2].change_centi);
  CHECK(r.items[3].mean_centi == 433);
  CHECK_FALSE(r.items[3].change_centi);  // not asked last time
  CHECK(r.total.invited == 15);
  CHECK(r.total.finished == 5);
  CHECK(r.total.started == 1);
  CHECK(r.mean_centi == 328);  // (400 + 150 + 433) / 3 = 327.67
  // Like with like: 保洁 and 停车, scored both times: (400 + 150) / 2 − (300 + 200) / 2.
  CHECK(r.change_centi == 25);
  CHECK(r.has_previous);

  auto first = domain::surveys::compute(now, turnout, std::nullopt);
  CHECK_FALSE(first.has_previous);
  CHECK_FALSE(first.change_centi);
  CHECK_FALSE(first.items[0].change_centi);
}

TEST_CASE("figures are written as people read them", "[surveys]") {
  using domain::surveys::centi_text;
  using domain::surveys::percent_text;
  CHECK(centi_text(410) == "4.10");
  CHECK(centi_text(5) == "0.05");
  CHECK(centi_text(-5) == "-0.05");
  CHECK(centi_text(-120, true) == "-1.20");
  CHECK(centi_text(20, true) == "+0.20");
  CHECK(centi_text(0, true) == "0.00");
  CHECK(percent_text(1, 3) == "33.3");
  CHECK(percent_text(2, 3) == "66.7");
  CHECK(percent_text(0, 0) == "0.0");
  CHECK(percent_text(5, 5) == "100.0");
}
