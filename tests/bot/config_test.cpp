// Reading and validating configuration files.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "bot/config.hpp"

TEST_CASE("config.example.toml is valid and shows the defaults", "[config]") {
  auto c = bot::config::load_file(std::string(ESTATEBOT_SOURCE_DIR) + "/config.example.toml");
  auto d = bot::config::defaults();
  CHECK(c.server.listen == "127.0.0.1");
  CHECK(c.server.port == d.server.port);
  CHECK(c.server.max_body_bytes == d.server.max_body_bytes);
  CHECK(c.storage.path == d.storage.path);
  CHECK(c.community.name == d.community.name);
  CHECK(c.outbox.max_attempts == d.outbox.max_attempts);
  CHECK(c.console.enabled);
  CHECK_FALSE(c.webhook.enabled);
  CHECK(c.webhook.path == "/webhook/generic");
  CHECK(c.roles.staff == std::vector<std::string>{"console:王师傅"});
}

TEST_CASE("config mistakes name the key", "[config]") {
  auto error_of = [](const std::string& toml) -> std::string {
    try {
      bot::config::parse(toml, "test.toml");
    } catch (const bot::config_error& e) {
      return e.what();
    }
    return "no error";
  };
  CHECK(error_of("[server]\nprot = 80\n") == "server.prot: unknown key");
  CHECK(error_of("[servre]\n") == "servre: unknown key");
  CHECK(error_of("[adapters.telegram]\nenabled = true\n") == "adapters.telegram: unknown key");
  CHECK(error_of("[server]\nport = \"80\"\n") == "server.port: expected an integer");
  // An address with its port in `listen` once stopped the start with only "Invalid argument".
  CHECK(error_of("[server]\nlisten = \"127.0.0.1:8080\"\n") ==
        "server.listen: \"127.0.0.1:8080\" is not an IP address (127.0.0.1, 0.0.0.0, ::1); the port goes in "
        "server.port");
  CHECK(error_of("[server]\nport = 70000\n") == "server.port: 70000 is outside 0..65535");
  CHECK(error_of("[adapters.console]\nenabled = \"yes\"\n") ==
        "adapters.console.enabled: expected true or false");
  CHECK(error_of("[roles]\nadmins = [\"12345\"]\n").find("platform:user_id") != std::string::npos);
  CHECK(error_of("[community]\nlang = \"fr\"\n").find("community.lang") == 0);
  CHECK(error_of("[server\n").find("test.toml:1") == 0);
  CHECK(error_of("[storage]\ndurability = \"fast\"\n") ==
        "storage.durability: must be \"power\" or \"process\", not \"fast\"");
  CHECK(error_of("[adapters.webhook]\nenabled = true\noutbound_url = \"http://x\"\n")
            .find("adapters.webhook.secret: required") == 0);
  CHECK(error_of("[adapters.webhook]\nenabled = true\nsecret = \"s\"\noutbound_url = \"ftp://x\"\n")
            .find("adapters.webhook.outbound_url") == 0);
}

TEST_CASE("a secret can come from the environment instead of the file", "[config]") {
  CHECK(bot::secret_env_name("webhook", "secret") == "ESTATEBOT_WEBHOOK_SECRET");
  ::setenv("ESTATEBOT_WEBHOOK_SECRET", "from-env", 1);
  auto c =
      bot::config::parse("[adapters.webhook]\nenabled = true\noutbound_url = \"http://127.0.0.1:9/x\"\n");
  ::unsetenv("ESTATEBOT_WEBHOOK_SECRET");
  CHECK(c.webhook.secret == "from-env");
}

TEST_CASE("[privacy] allowed_phones lists phones groups may read, and refuses what is not one",
          "[config][privacy]") {
  CHECK(bot::config::defaults().privacy.allowed_phones.empty());
  auto c = bot::config::parse("[privacy]\nallowed_phones = [\"400-800-1234\", \"+86 139 0000 1111\"]\n");
  CHECK(c.privacy.allowed_phones == std::vector<std::string>{"400-800-1234", "+86 139 0000 1111"});
  auto error_of = [](const std::string& toml) -> std::string {
    try {
      bot::config::parse(toml, "test.toml");
    } catch (const bot::config_error& e) {
      return e.what();
    }
    return "no error";
  };
  CHECK(error_of("[privacy]\nallowed_phones = [\"call us\"]\n").find("privacy.allowed_phones") == 0);
  CHECK(error_of("[privacy]\nallowed_phones = [\"12345\"]\n").find("privacy.allowed_phones") == 0);
  CHECK(error_of("[privacy]\nallowed_phones = \"400-800-1234\"\n").find("privacy.allowed_phones") == 0);
  CHECK(error_of("[privacy]\nallowed = []\n") == "privacy.allowed: unknown key");
}
