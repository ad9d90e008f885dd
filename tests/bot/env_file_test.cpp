// `env_file`: the secrets file every command reads before the config's own checks, as systemd's
// EnvironmentFile= gives it to the service.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "bot/config.hpp"
#include "support/config_errors.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace {

std::string webhook_with(const std::string& env_file) {
  return "env_file = \"" + env_file +
         "\"\n[adapters.webhook]\nenabled = true\noutbound_url = \"http://127.0.0.1:9/bridge\"\n";
}

struct unset_after {
  ~unset_after() {
    ::unsetenv("ESTATEBOT_WEBHOOK_SECRET");
    ::unsetenv("ESTATEBOT_SUGGESTIONS_RELAY_KEY");
  }
};

}  // namespace

TEST_CASE("an adapter's secret may come from the env file the config names", "[config][env]") {
  unset_after cleanup;
  testing::temp_dir dir;
  testing::write_file(dir.file("env"),
                      "# secrets\n\nESTATEBOT_WEBHOOK_SECRET=\"s3cret value\"\n"
                      "  ESTATEBOT_SUGGESTIONS_RELAY_KEY = " +
                          std::string(64, 'f') + "\n; a comment too\n");
  auto c = bot::config::parse(webhook_with(dir.file("env")), "test.toml");
  CHECK(c.webhook.secret == "s3cret value");
  CHECK(c.suggestions.relay_key == std::string(64, 'f'));
  // Read for the config only: the process's environment, which other threads read, is left alone.
  CHECK(std::getenv("ESTATEBOT_WEBHOOK_SECRET") == nullptr);
}

TEST_CASE("a variable already in the environment wins over the env file", "[config][env]") {
  unset_after cleanup;
  testing::temp_dir dir;
  testing::write_file(dir.file("env"), "ESTATEBOT_WEBHOOK_SECRET=from-file\n");
  ::setenv("ESTATEBOT_WEBHOOK_SECRET", "from-systemd", 1);
  CHECK(bot::config::parse(webhook_with(dir.file("env")), "test.toml").webhook.secret == "from-systemd");
}

TEST_CASE("an env file that cannot be read or holds a stray line is refused, naming it", "[config][env]") {
  unset_after cleanup;
  testing::temp_dir dir;
  CHECK(testing::config_error_of(webhook_with(dir.file("missing"))) ==
        "env_file: cannot read " + dir.file("missing"));
  testing::write_file(dir.file("env"), "ESTATEBOT_WEBHOOK_SECRET=x\nexport FOO=bar\n");
  CHECK(testing::config_error_of(webhook_with(dir.file("env"))) ==
        "env_file: " + dir.file("env") + " line 2 is not KEY=value");
  // Without the file's secret the enabled adapter is refused as before, naming its variable.
  testing::write_file(dir.file("empty"), "");
  CHECK(testing::config_error_of(webhook_with(dir.file("empty"))).find("ESTATEBOT_WEBHOOK_SECRET") !=
        std::string::npos);
}
