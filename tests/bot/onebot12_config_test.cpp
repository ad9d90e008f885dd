// The [adapters.onebot12] table: defaults, the token it cannot run without, account names.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "bot/config.hpp"
#include "support/config_errors.hpp"

TEST_CASE("onebot12 config: the example file shows the defaults", "[config][onebot12]") {
  auto c = bot::config::load_file(std::string(ESTATEBOT_SOURCE_DIR) + "/config.example.toml");
  auto d = bot::config::defaults();
  CHECK_FALSE(c.onebot12.enabled);
  CHECK(c.onebot12.path == "/onebot12");
  CHECK(c.onebot12.ws_path == "/onebot12/ws");
  CHECK(c.onebot12.path == d.onebot12.path);
  CHECK(c.onebot12.ws_path == d.onebot12.ws_path);
  CHECK(d.outbox.platforms.at("onebot12").per_second < 1.0);  // a personal WeChat account's pace
}

TEST_CASE("onebot12 config: an enabled bridge needs its token, accounts look like platform:user_id",
          "[config][onebot12]") {
  CHECK(testing::config_error_of("[adapters.onebot12]\nenabled = true\n")
            .find("adapters.onebot12.access_token: required") == 0);
  CHECK(testing::config_error_of(
            "[adapters.onebot12]\nenabled = true\naccess_token = \"t\"\nself_ids = [\"wxid_bot\"]\n")
            .find("adapters.onebot12.self_ids") == 0);
  CHECK(testing::config_error_of(
            "[adapters.onebot12]\nenabled = true\naccess_token = \"t\"\napi_url = \"127.0.0.1:5700\"\n")
            .find("adapters.onebot12.api_url") == 0);
  CHECK(testing::config_error_of(
            "[adapters.onebot12]\nenabled = true\naccess_token = \"t\"\nws_path = \"/onebot12\"\n")
            .find("adapters.onebot12.ws_path") == 0);
  auto c = bot::config::parse(
      "[adapters.onebot12]\nenabled = true\naccess_token = \"t\"\nself_ids = [\"wechat:wxid_bot001\", "
      "\"qq:10001\"]\n");
  CHECK(c.onebot12.self_ids.size() == 2);

  ::setenv("ESTATEBOT_ONEBOT12_ACCESS_TOKEN", "from-env", 1);
  auto e = bot::config::parse("[adapters.onebot12]\nenabled = true\n");
  ::unsetenv("ESTATEBOT_ONEBOT12_ACCESS_TOKEN");
  CHECK(e.onebot12.access_token == "from-env");
}
