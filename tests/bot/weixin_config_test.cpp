// The [adapters.wecom] and [adapters.wechat_mp] tables: off by default, complete tables read,
// secrets from the environment, and what an enabled adapter lacks refused by its key.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "bot/config.hpp"
#include "support/config_errors.hpp"

namespace weixin_config_test {
namespace {

const std::string wecom_app = R"(
[adapters.wecom]
enabled = true
corp_id = "ww0123456789abcdef"
agent_id = 1000002
token = "corpToken"
encoding_aes_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
secret = "corp-secret"
)";

const std::string mp = R"(
[adapters.wechat_mp]
enabled = true
app_id = "wx0123456789abcdef"
token = "mpToken"
app_secret = "mp-secret"
)";

std::string without(std::string toml, const std::string& key) {
  const auto at = toml.find("\n" + key + " ") + 1;
  toml.erase(at, toml.find('\n', at) - at + 1);
  return toml;
}

bool starts(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

}  // namespace

TEST_CASE("weixin config: both off by default, a complete app and account read", "[config][wecom]") {
  auto d = bot::config::defaults();
  CHECK_FALSE(d.wecom.enabled);
  CHECK_FALSE(d.wechat_mp.enabled);
  CHECK(d.wecom.path == "/wecom");
  CHECK(d.wechat_mp.path == "/wechat");
  CHECK(d.wecom.api_base == "https://qyapi.weixin.qq.com");
  auto c = bot::config::parse(wecom_app + R"(
[adapters.wecom.robots."维修班组群"]
key = "k-1"
building = "3"
[adapters.wecom.customer_groups."3栋业主群"]
chat_id = "wrOgQh"
sender = "wangshifu"
)" + mp);
  CHECK(c.wecom.agent_id == "1000002");
  CHECK(c.wecom.robots.at("维修班组群").key == "k-1");
  CHECK(c.wecom.robots.at("维修班组群").purpose == "staff");
  CHECK(c.wecom.robots.at("维修班组群").community == c.community.name);
  CHECK(c.wecom.robots.at("维修班组群").building == "3");
  CHECK(c.wecom.customer_groups.at("3栋业主群").sender == "wangshifu");
  CHECK(c.wechat_mp.app_id == "wx0123456789abcdef");
  CHECK(c.outbox.platforms.contains("wechat_mp"));
}

TEST_CASE("weixin config: what an enabled adapter lacks is refused by its key", "[config][wecom]") {
  using testing::config_error_of;
  CHECK(starts(config_error_of(without(wecom_app, "secret")), "adapters.wecom.secret"));
  CHECK(config_error_of(without(wecom_app, "secret")).find("ESTATEBOT_WECOM_SECRET") != std::string::npos);
  CHECK(starts(config_error_of(without(wecom_app, "token")), "adapters.wecom.token"));
  CHECK(starts(config_error_of(without(wecom_app, "agent_id")), "adapters.wecom.agent_id"));
  std::string short_key = wecom_app;
  short_key.replace(short_key.find("B2C\""), 3, "B2");
  CHECK(starts(config_error_of(short_key), "adapters.wecom.encoding_aes_key"));
  std::string dashed = wecom_app;
  dashed.replace(dashed.find("jWm"), 1, "-");
  CHECK(starts(config_error_of(dashed), "adapters.wecom.encoding_aes_key"));
  CHECK(starts(config_error_of("[adapters.wecom]\nenabled = true\n"), "adapters.wecom.corp_id"));
  CHECK(starts(config_error_of(wecom_app + "[adapters.wecom.robots.a]\npurpose = \"staff\"\n"),
               "adapters.wecom.robots.a.key"));
  CHECK(starts(config_error_of(wecom_app + "[adapters.wecom.robots.a]\nkey = \"k\"\npurpose = \"boss\"\n"),
               "adapters.wecom.robots.a.purpose"));
  CHECK(starts(config_error_of("[adapters.wecom]\nenabled = true\n[adapters.wecom.customer_groups.g]\n"
                               "chat_id = \"wr\"\nsender = \"s\"\n"),
               "adapters.wecom.customer_groups"));
  CHECK(starts(config_error_of(wecom_app + "[adapters.wecom.customer_groups.g]\nchat_id = \"wr\"\n"),
               "adapters.wecom.customer_groups.g.sender"));
  CHECK(starts(config_error_of(wecom_app + "[adapters.wecom.smart_robot]\ntoken = \"t\"\n"),
               "adapters.wecom.smart_robot.encoding_aes_key"));
  CHECK(starts(config_error_of(without(mp, "app_id")), "adapters.wechat_mp.app_id"));
  CHECK(starts(config_error_of(without(mp, "app_secret")), "adapters.wechat_mp.app_secret"));
  CHECK(
      starts(config_error_of(mp + "encoding_aes_key = \"short\"\n"), "adapters.wechat_mp.encoding_aes_key"));
  // Robots alone need no app; disabled tables need nothing.
  CHECK(config_error_of("[adapters.wecom]\nenabled = true\n[adapters.wecom.robots.a]\nkey = \"k\"\n") ==
        "no error");
  CHECK(config_error_of("[adapters.wecom]\nenabled = false\n[adapters.wechat_mp]\nenabled = false\n") ==
        "no error");
}

TEST_CASE("weixin config: the secrets may come from the environment", "[config][wecom]") {
  ::setenv("ESTATEBOT_WECOM_SECRET", "env-secret", 1);
  ::setenv("ESTATEBOT_WECHAT_MP_APP_SECRET", "env-mp-secret", 1);
  auto c = bot::config::parse(without(wecom_app, "secret") + without(mp, "app_secret"));
  ::unsetenv("ESTATEBOT_WECOM_SECRET");
  ::unsetenv("ESTATEBOT_WECHAT_MP_APP_SECRET");
  CHECK(c.wecom.secret == "env-secret");
  CHECK(c.wechat_mp.app_secret == "env-mp-secret");
}

}  // namespace weixin_config_test
