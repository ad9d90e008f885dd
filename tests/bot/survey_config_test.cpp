// [surveys] in the config: the items a satisfaction survey asks, how long it stays open and when
// owners are reminded, with every mistake named by its key.
#include <catch2/catch.hpp>

#include "bot/config.hpp"

TEST_CASE("survey template: nine industry items by default, replaced by the config", "[config][surveys]") {
  auto d = bot::config::defaults().surveys;
  REQUIRE(d.items.size() == 9);
  CHECK(d.items.front().zh == "客户服务");
  CHECK(d.items.front().en == "Customer service");
  CHECK(d.days == 14);
  CHECK(d.remind_hours == 48);

  auto c = bot::config::parse("[surveys]\ndays = 30\nremind_hours = 0\nitems = [\"保洁\", \"电梯\"]\n"
                              "items_en = [\"Cleaning\", \"\"]\n")
               .surveys;
  REQUIRE(c.items.size() == 2);
  CHECK(c.items[0].en == "Cleaning");
  CHECK(c.items[1].en == "电梯");  // no English name: the Chinese one
  CHECK(c.days == 30);
  CHECK(c.remind_hours == 0);
}

TEST_CASE("survey config mistakes name the key", "[config][surveys]") {
  CHECK_THROWS_WITH(bot::config::parse("[surveys]\nitem = [\"保洁\"]\n"), Catch::Contains("surveys.item: unknown key"));
  CHECK_THROWS_WITH(bot::config::parse("[surveys]\ndays = 0\n"), Catch::Contains("surveys.days"));
  CHECK_THROWS_WITH(bot::config::parse("[surveys]\nitems = [\"保洁\", \"保洁\"]\n"), Catch::Contains("surveys.items"));
  CHECK_THROWS_WITH(bot::config::parse("[surveys]\nitems = [\"保洁\"]\nitems_en = [\"a\", \"b\"]\n"),
                    Catch::Contains("surveys.items_en: 2 names for 1 items"));
  CHECK_THROWS_WITH(bot::config::parse("[surveys]\nitems_en = [\"a\"]\n"), Catch::Contains("surveys.items_en"));
  CHECK_THROWS_WITH(bot::config::parse("[surveys]\nitems = [\"\"]\n"), Catch::Contains("surveys.items"));
}
