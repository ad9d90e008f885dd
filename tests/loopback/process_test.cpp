// The estatebot binary end to end: config checks, the console, roster import, graceful shutdown.
#include <catch2/catch.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

using testing::run_command;

namespace {

std::string config_for(const testing::temp_dir& dir, bool console = true) {
  return "[server]\nport = 0\n[storage]\npath = \"" + dir.file("bot.sqlite3") +
         "\"\n[adapters.console]\nenabled = " + (console ? "true" : "false") + "\n";
}

}  // namespace

TEST_CASE("estatebot --check-config accepts the example and the package's config, and names the bad key",
          "[process][config]") {
  auto ok = run_command(std::string(ESTATEBOT_BINARY) + " --check-config " + ESTATEBOT_SOURCE_DIR +
                        "/config.example.toml");
  CHECK(ok.exit_code == 0);
  CHECK(ok.output.find("config OK") != std::string::npos);
  // The Debian package's /etc/estatebot/config.toml too, with the env file its postinst writes.
  {
    testing::temp_dir etc;
    std::string shipped = testing::read_file(std::string(ESTATEBOT_SOURCE_DIR) + "/packaging/config.toml");
    const std::string env_path = "/etc/estatebot/env";
    const auto at = shipped.find("env_file = \"" + env_path + "\"");
    REQUIRE(at != std::string::npos);
    shipped.replace(at + 12, env_path.size(), etc.file("env"));
    testing::write_file(etc.file("config.toml"), shipped);
    testing::write_file(etc.file("env"), "ESTATEBOT_SUGGESTIONS_RELAY_KEY=" + std::string(64, 'a') + "\n");
    auto packaged = run_command(std::string(ESTATEBOT_BINARY) + " --check-config " + etc.file("config.toml"));
    INFO(packaged.output);
    CHECK(packaged.exit_code == 0);
  }

  testing::temp_dir dir;
  testing::write_file(dir.file("bad.toml"),
                      "[adapters.webhook]\nenabled = true\noutbound_url = \"http://x\"\n");
  auto bad = run_command(std::string(ESTATEBOT_BINARY) + " --check-config " + dir.file("bad.toml"));
  CHECK(bad.exit_code == 2);
  CHECK(bad.output.find("adapters.webhook.secret") != std::string::npos);
  CHECK(bad.output.find("ESTATEBOT_WEBHOOK_SECRET") != std::string::npos);

  auto missing = run_command(std::string(ESTATEBOT_BINARY) + " --check-config " + dir.file("nope.toml"));
  CHECK(missing.exit_code == 2);

  testing::write_file(dir.file("bridge.toml"), "[adapters.onebot12]\nenabled = true\n");
  auto bridge = run_command(std::string(ESTATEBOT_BINARY) + " --check-config " + dir.file("bridge.toml"));
  CHECK(bridge.exit_code == 2);
  CHECK(bridge.output.find("adapters.onebot12.access_token") != std::string::npos);
  CHECK(bridge.output.find("ESTATEBOT_ONEBOT12_ACCESS_TOKEN") != std::string::npos);
}

TEST_CASE("the console answers a typed 报修 with a ticket number and exits at end of input",
          "[process][console]") {
  testing::temp_dir dir;
  testing::write_file(dir.file("config.toml"), config_for(dir));
  testing::write_file(dir.file("input.txt"),
                      "报修 3-2-1201 厨房水管漏水\n我的工单\n:as staff 王师傅\n工单 1\n");
  auto r = run_command(
      std::string(ESTATEBOT_BINARY) + " --config " + dir.file("config.toml") + " < " + dir.file("input.txt"),
      30);
  CHECK(r.exit_code == 0);
  INFO(r.output);
  CHECK(r.output.find("已登记报修工单 #1") != std::string::npos);
  CHECK(r.output.find("您的工单（共 1 个）") != std::string::npos);
  CHECK(r.output.find("现在您是 王师傅") != std::string::npos);
  CHECK(r.output.find("状态：待受理") != std::string::npos);

  SECTION("the ticket survives a restart") {
    testing::write_file(dir.file("input2.txt"), "我的工单\n");
    auto again = run_command(std::string(ESTATEBOT_BINARY) + " --config " + dir.file("config.toml") + " < " +
                                 dir.file("input2.txt"),
                             30);
    CHECK(again.output.find("#1") != std::string::npos);
  }
}

TEST_CASE("import-roster loads units and reports bad lines", "[process][roster]") {
  testing::temp_dir dir;
  testing::write_file(dir.file("config.toml"), config_for(dir));
  testing::write_file(
      dir.file("roster.csv"),
      "building,unit,room,area,name,phone\n3,2,1201,89.5,王芳,13800001234\n3,2,1202,abc,李强,13900005678\n");
  auto r = run_command(std::string(ESTATEBOT_BINARY) + " import-roster " + dir.file("roster.csv") +
                       " --config " + dir.file("config.toml"));
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("imported 1 units") != std::string::npos);
  CHECK(r.output.find("line 3") != std::string::npos);
}

TEST_CASE("SIGTERM shuts the service down cleanly", "[process][shutdown]") {
  testing::temp_dir dir;
  testing::write_file(dir.file("config.toml"), config_for(dir, false));
  testing::child_process child({ESTATEBOT_BINARY, "--config", dir.file("config.toml")}, dir.file("log.txt"));
  // Wait until it listens (its log says so), then ask it to stop.
  auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (testing::read_file(dir.file("log.txt")).find("listening on") == std::string::npos &&
         std::chrono::steady_clock::now() < end)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  REQUIRE(testing::read_file(dir.file("log.txt")).find("listening on") != std::string::npos);
  child.signal(SIGTERM);
  auto code = child.wait(std::chrono::seconds(10));
  REQUIRE(code);
  CHECK(*code == 0);
  CHECK(testing::read_file(dir.file("log.txt")).find("stopped") != std::string::npos);
}
