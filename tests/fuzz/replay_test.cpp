// The fuzz targets' entry points in the ordinary build: every seed and every input that once
// crashed a target (fuzz/regressions/<target>/) goes through them again, and the suite passes only
// if none of them crashes, throws or trips a sanitizer.
#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <sstream>

#include "bot/log.hpp"
#include "fuzz/entries.hpp"
#include "support/process.hpp"

namespace {

namespace fs = std::filesystem;

// Every regular file under the folders that exist, except READMEs.
std::vector<fs::path> inputs_in(std::initializer_list<fs::path> folders) {
  std::vector<fs::path> out;
  for (const auto& folder : folders) {
    if (!fs::is_directory(folder)) continue;
    for (const auto& f : fs::directory_iterator(folder))
      if (f.is_regular_file() && f.path().filename() != "README.md") out.push_back(f.path());
  }
  return out;
}

void replay(const std::vector<fs::path>& files, const std::function<void(std::string_view)>& entry) {
  for (const auto& f : files) {
    INFO(f.string());
    std::string data = testing::read_file(f.string());
    CHECK_NOTHROW(entry(data));
  }
}

const fs::path source = ESTATEBOT_SOURCE_DIR;
const fs::path regressions = source / "fuzz" / "regressions";

}  // namespace

TEST_CASE("the OneBot and webhook fixtures and past crashes replay through the fuzz entry points", "[fuzz]") {
  auto events = inputs_in({source / "tests/fixtures/onebot/events", regressions / "onebot_event"});
  REQUIRE(events.size() > 20);
  replay(events, fuzz::onebot_event);
  replay(inputs_in({source / "tests/fixtures/webhook", regressions / "webhook_inbound"}),
         fuzz::webhook_inbound);
  replay(inputs_in({source / "tests/fixtures/onebot12", regressions / "onebot12_event"}),
         fuzz::onebot12_event);
  auto forms = inputs_in({source / "tests/fixtures/wechatbot", regressions / "wechatbot_inbound"});
  REQUIRE(forms.size() >= 10);
  replay(forms, fuzz::wechatbot_inbound);
  auto weixin = inputs_in({source / "tests/fixtures/weixin", regressions / "weixin_inbound"});
  REQUIRE(weixin.size() >= 7);
  replay(weixin, fuzz::weixin_inbound);
  replay(inputs_in({regressions / "cq_code"}), fuzz::cq_code);
  replay({source / "config.example.toml"}, fuzz::config_toml);
  replay(inputs_in({regressions / "config_toml"}), fuzz::config_toml);
}

TEST_CASE("seed commands, rosters and past crashes replay through the whole dispatcher", "[fuzz]") {
  std::istringstream lines(testing::read_file((source / "fuzz/seeds/commands.txt").string()));
  std::string line;
  int n = 0;
  for (; std::getline(lines, line); ++n) {
    CHECK_NOTHROW(fuzz::command_text(line));
    CHECK_NOTHROW(fuzz::command_words(line));
  }
  CHECK(n > 20);
  replay(inputs_in({regressions / "command_text"}), fuzz::command_text);
  replay(inputs_in({regressions / "command_words"}), fuzz::command_words);
  std::istringstream votes(testing::read_file((source / "fuzz/seeds/vote_words.txt").string()));
  for (n = 0; std::getline(votes, line); ++n) CHECK_NOTHROW(fuzz::vote_words(line));
  CHECK(n > 10);
  replay(inputs_in({regressions / "vote_words"}), fuzz::vote_words);
  replay({source / "fuzz/seeds/roster.csv"}, fuzz::roster_csv);
  replay(inputs_in({regressions / "roster_csv"}), fuzz::roster_csv);
  bot::log::set_sink({});
}
