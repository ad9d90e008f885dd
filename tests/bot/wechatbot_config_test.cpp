// The [adapters.wechatbot] table: defaults, the pacing that keeps a personal account alive,
// secrets from the environment, and an enabled bridge without its tokens refused by key name.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "bot/config.hpp"
#include "support/config_errors.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace {

const std::string complete = R"(
[adapters.wechatbot]
enabled = true
inbound_token = "in-token"
api_url = "http://127.0.0.1:3001"
api_token = "api-token"
)";

}  // namespace

TEST_CASE("wechatbot config: off by default, the example shows the defaults", "[config][wechatbot]") {
  auto c = bot::config::load_file(std::string(ESTATEBOT_SOURCE_DIR) + "/config.example.toml");
  auto d = bot::config::defaults();
  CHECK_FALSE(c.wechatbot.enabled);
  CHECK(c.wechatbot.path == "/wechatbot");
  CHECK(d.wechatbot.path == "/wechatbot");
  // About one message every 2.5 s per account, without a burst.
  const auto& pace = d.outbox.platforms.at("wechatbot");
  CHECK(pace.per_second == Approx(0.4));
  CHECK(pace.burst == 1);
  CHECK(c.outbox.platforms.at("wechatbot").per_second == Approx(0.4));
}

TEST_CASE("wechatbot config: a complete table, and pacing that may be changed", "[config][wechatbot]") {
  auto c = bot::config::parse(complete + "[outbox.platforms.wechatbot]\nper_second = 0.2\n");
  CHECK(c.wechatbot.enabled);
  CHECK(c.wechatbot.inbound_token == "in-token");
  CHECK(c.wechatbot.api_url == "http://127.0.0.1:3001");
  CHECK(c.wechatbot.api_token == "api-token");
  CHECK(c.outbox.platforms.at("wechatbot").per_second == Approx(0.2));
}

TEST_CASE("wechatbot config: an enabled bridge without what it needs is refused by key",
          "[config][wechatbot]") {
  auto without = [](const std::string& key) {
    std::string toml = complete;
    toml.erase(toml.find(key), toml.find('\n', toml.find(key)) - toml.find(key) + 1);
    return toml;
  };
  CHECK(testing::config_error_of(without("inbound_token")).find("adapters.wechatbot.inbound_token") == 0);
  CHECK(testing::config_error_of(without("inbound_token")).find("ESTATEBOT_WECHATBOT_INBOUND_TOKEN") !=
        std::string::npos);
  CHECK(testing::config_error_of(without("api_token")).find("adapters.wechatbot.api_token") == 0);
  CHECK(testing::config_error_of(without("api_url")).find("adapters.wechatbot.api_url") == 0);
  CHECK(testing::config_error_of(complete + "path = \"wechatbot\"\n").find("adapters.wechatbot.path") == 0);
  CHECK(testing::config_error_of(complete + "secret = \"x\"\n").find("adapters.wechatbot.secret") == 0);
  std::string ftp = complete;
  ftp.replace(ftp.find("http://"), 7, "ftp://");
  CHECK(testing::config_error_of(ftp).find("adapters.wechatbot.api_url") == 0);
  // A disabled table needs nothing.
  CHECK(testing::config_error_of("[adapters.wechatbot]\nenabled = false\n") == "no error");
}

TEST_CASE("wechatbot config: the tokens may come from the environment", "[config][wechatbot]") {
  ::setenv("ESTATEBOT_WECHATBOT_INBOUND_TOKEN", "env-in", 1);
  ::setenv("ESTATEBOT_WECHATBOT_API_TOKEN", "env-api", 1);
  auto c = bot::config::parse("[adapters.wechatbot]\nenabled = true\napi_url = \"http://127.0.0.1:3001\"\n");
  ::unsetenv("ESTATEBOT_WECHATBOT_INBOUND_TOKEN");
  ::unsetenv("ESTATEBOT_WECHATBOT_API_TOKEN");
  CHECK(c.wechatbot.inbound_token == "env-in");
  CHECK(c.wechatbot.api_token == "env-api");
}

TEST_CASE("estatebot --check-config names the bridge's missing token", "[process][config][wechatbot]") {
  testing::temp_dir dir;
  testing::write_file(dir.file("bridge.toml"),
                      "[adapters.wechatbot]\nenabled = true\napi_url = \"http://127.0.0.1:3001\"\n"
                      "api_token = \"t\"\n");
  auto r = testing::run_command(std::string(ESTATEBOT_BINARY) + " --check-config " + dir.file("bridge.toml"));
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("adapters.wechatbot.inbound_token") != std::string::npos);
}
