// [emergency] in the config: the duty phone, the automatic reminder, and the templates, with every
// mistake named by its key.
#include <catch2/catch.hpp>

#include "bot/config.hpp"

TEST_CASE("emergency templates: built in by default, changed or added in the config", "[config][emergency]") {
  auto d = bot::config::defaults().emergency;
  CHECK(d.duty_phone.empty());
  CHECK(d.remind_after_minutes == 30);
  REQUIRE(d.find("停电"));
  CHECK(d.find("停电")->id == "power_cut");
  CHECK(d.find("POWER")->id == "power_cut");  // English names ignore case
  CHECK(d.find("电梯困人")->id == "elevator");
  CHECK_FALSE(d.find("地震"));

  auto c = bot::config::parse(R"(
[emergency]
duty_phone = "400-800-1234"
remind_after_minutes = 0
[emergency.templates.flood]
names = ["水浸", "flood"]
title_zh = "水浸"
title_en = "Flooding"
zh = "请把车辆移出地下车库。"
en = "Move your car out of the garage."
)")
               .emergency;
  CHECK(c.duty_phone == "400-800-1234");
  CHECK(c.remind_after_minutes == 0);
  REQUIRE(c.find("flood"));
  CHECK(c.find("水浸")->title_en == "Flooding");
  CHECK(c.templates.size() == 6);
}

TEST_CASE("emergency config mistakes name the key", "[config][emergency]") {
  CHECK_THROWS_WITH(bot::config::parse("[emergency]\nduty_phon = \"1\"\n"),
                    Catch::Contains("emergency.duty_phon: unknown key"));
  CHECK_THROWS_WITH(bot::config::parse("[emergency]\nremind_after_minutes = -5\n"),
                    Catch::Contains("emergency.remind_after_minutes"));
  CHECK_THROWS_WITH(bot::config::parse("[emergency.templates.flood]\nnames = [\"水浸\"]\nzh = \"走\"\n"),
                    Catch::Contains("emergency.templates.flood.title_zh: required"));
  CHECK_THROWS_WITH(bot::config::parse("[emergency.templates.flood]\nzh = \"走\"\n"),
                    Catch::Contains("emergency.templates.flood.names"));
  CHECK_THROWS_WITH(bot::config::parse("[emergency.templates.fire]\nnames = [\"停电\"]\n"),
                    Catch::Contains("already the name of another template"));
  CHECK_THROWS_WITH(bot::config::parse("[emergency.templates.fire]\nnames = [\"fire alarm\"]\n"),
                    Catch::Contains("has a space"));
  CHECK_THROWS_WITH(bot::config::parse("[emergency.templates.fire]\ncolour = \"red\"\n"),
                    Catch::Contains("emergency.templates.fire.colour: unknown key"));
}
