// The [adapters.onebot] table: defaults, mistakes that name the key, secrets from the environment.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "bot/config.hpp"
#include "support/config_errors.hpp"

TEST_CASE("onebot config: the example file shows the defaults", "[config][onebot]") {
  auto c = bot::config::load_file(std::string(ESTATEBOT_SOURCE_DIR) + "/config.example.toml");
  auto d = bot::config::defaults();
  CHECK_FALSE(c.onebot.enabled);
  CHECK(c.onebot.path == "/onebot");
  CHECK(c.onebot.ws_path == "/onebot/ws");
  CHECK(c.onebot.path == d.onebot.path);
  CHECK(c.onebot.ws_path == d.onebot.ws_path);
  CHECK(c.onebot.max_text_chars == d.onebot.max_text_chars);
  CHECK(c.onebot.self_ids.empty());
  CHECK(c.onebot.approve_requests);
  CHECK(d.onebot.approve_requests);
}

TEST_CASE("onebot config: approving friend requests can be switched off", "[config][onebot]") {
  auto c = bot::config::parse("[adapters.onebot]\napprove_requests = false\n");
  CHECK_FALSE(c.onebot.approve_requests);
  CHECK(testing::config_error_of("[adapters.onebot]\napprove_requests = \"yes\"\n")
            .find("adapters.onebot.approve_requests") == 0);
}

TEST_CASE("onebot config: accounts as numbers or strings, one HTTP API per account", "[config][onebot]") {
  auto c = bot::config::parse(R"(
[adapters.onebot]
enabled = true
access_token = "t"
self_ids = [3889001234, "10001"]
api_url = "http://127.0.0.1:3000"
[adapters.onebot.api_urls]
10001 = "http://127.0.0.1:5700"
)");
  CHECK(c.onebot.self_ids == std::vector<std::string>{"3889001234", "10001"});
  CHECK(c.onebot.api_urls.at("10001") == "http://127.0.0.1:5700");
}

TEST_CASE("onebot config: mistakes name the key", "[config][onebot]") {
  CHECK(testing::config_error_of("[adapters.onebot]\nenabled = true\n")
            .find("adapters.onebot.secret or adapters.onebot.access_token") == 0);
  CHECK(testing::config_error_of(
            "[adapters.onebot]\nenabled = true\naccess_token = \"t\"\nself_ids = [\"abc\"]\n")
            .find("adapters.onebot.self_ids") == 0);
  CHECK(testing::config_error_of(
            "[adapters.onebot]\nenabled = true\naccess_token = \"t\"\napi_url = \"127.0.0.1:3000\"\n")
            .find("adapters.onebot.api_url") == 0);
  CHECK(testing::config_error_of(
            "[adapters.onebot]\nenabled = true\naccess_token = \"t\"\n[adapters.onebot.api_urls]\nbot = "
            "\"http://x\"\n")
            .find("adapters.onebot.api_urls.bot") == 0);
  CHECK(
      testing::config_error_of("[adapters.onebot]\nenabled = true\naccess_token = \"t\"\nws_path = \"ws\"\n")
          .find("adapters.onebot.ws_path") == 0);
  CHECK(testing::config_error_of(
            "[adapters.onebot]\nenabled = true\naccess_token = \"t\"\nchat_per_second = 1\n") ==
        "adapters.onebot.chat_per_second: unknown key");  // pacing lives in [outbox.platforms.onebot]
  CHECK(testing::config_error_of("[adapters.onebot]\nself_id = [1]\n") ==
        "adapters.onebot.self_id: unknown key");
  CHECK(testing::config_error_of("[adapters.onebot]\nself_ids = 1\n") ==
        "adapters.onebot.self_ids: expected a list of ids");
}

TEST_CASE("onebot config: secret and access token can come from the environment", "[config][onebot]") {
  CHECK(bot::secret_env_name("onebot", "access_token") == "ESTATEBOT_ONEBOT_ACCESS_TOKEN");
  ::setenv("ESTATEBOT_ONEBOT_SECRET", "sec-from-env", 1);
  ::setenv("ESTATEBOT_ONEBOT_ACCESS_TOKEN", "tok-from-env", 1);
  auto c = bot::config::parse("[adapters.onebot]\nenabled = true\n");
  ::unsetenv("ESTATEBOT_ONEBOT_SECRET");
  ::unsetenv("ESTATEBOT_ONEBOT_ACCESS_TOKEN");
  CHECK(c.onebot.secret == "sec-from-env");
  CHECK(c.onebot.access_token == "tok-from-env");
}
