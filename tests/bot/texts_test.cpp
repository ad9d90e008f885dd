// The text catalogue: every id the code uses exists in both languages with the same fields.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "bot/registry.hpp"
#include "bot/texts.hpp"
#include "commands/all_commands.hpp"
#include "commands/text_ids.hpp"
#include "commands/ticket_texts.hpp"
#include "domain/tickets/category.hpp"

namespace {

std::set<std::string> fields(std::string_view tmpl) {
  std::set<std::string> out;
  static const std::regex field(R"(\{([a-z_]+)\})");
  std::string s(tmpl);
  for (std::sregex_iterator it(s.begin(), s.end(), field), end; it != end; ++it) out.insert((*it)[1]);
  return out;
}

}  // namespace

TEST_CASE("every text has zh and en with the same fields", "[texts]") {
  const auto& t = bot::texts::embedded();
  REQUIRE(t.ids().size() > 50);
  for (const auto& id : t.ids()) {
    INFO(id);
    CHECK(fields(t.raw(bot::locale::zh_CN, id)) == fields(t.raw(bot::locale::en_US, id)));
    CHECK_FALSE(t.raw(bot::locale::zh_CN, id).empty());
  }
}

TEST_CASE("every command has a summary and a usage", "[texts][registry]") {
  bot::registry r;
  commands::register_all(r);
  const auto& t = bot::texts::embedded();
  for (const auto& spec : r.all()) {
    INFO(spec.id);
    CHECK(t.has("cmd." + spec.id + ".summary"));
    CHECK(t.has("cmd." + spec.id + ".usage"));
    CHECK(t.has("topic." + spec.topic));
  }
}

TEST_CASE("every text id named in the code exists", "[texts]") {
  const auto& t = bot::texts::embedded();
  static const std::regex use(R"re((?:text|fail|t)\(\s*(?:[a-z_.:]+,\s*)?"([a-z_]+\.[a-z_.]+)")re");
  int seen = 0;
  for (const char* dir : {"bot", "domain", "commands", "adapters"}) {
    for (const auto& f :
         std::filesystem::recursive_directory_iterator(std::string(ESTATEBOT_SOURCE_DIR) + "/" + dir)) {
      if (f.path().extension() != ".cpp") continue;
      std::ifstream in(f.path());
      std::stringstream ss;
      ss << in.rdbuf();
      std::string src = ss.str();
      for (std::sregex_iterator it(src.begin(), src.end(), use), end; it != end; ++it) {
        std::string id = (*it)[1];
        if (id.back() == '.') continue;  // a prefix completed at run time; checked below
        INFO(f.path().filename().string() << ": " << id);
        CHECK(t.has(id));
        ++seen;
      }
    }
  }
  CHECK(seen > 20);
  // Ids chosen at run time from a known set of values: the tables that hand them out
  // (ticket_texts_test and text_ids_test check that each names its value).
  for (auto id : commands::ticket_text_ids()) CHECK(t.has(id));
  for (auto id : commands::run_time_text_ids()) CHECK(t.has(id));
  for (const auto& c : domain::tickets::category_ids()) CHECK(t.has("category." + c));  // config keys
  for (const char* d : {"under_minute", "minutes", "hours", "hours_minutes", "days", "days_hours"})
    CHECK(t.has(std::string("duration.") + d));
}

TEST_CASE("a missing id or field never crashes a reply", "[texts]") {
  bot::texts t;
  t.add_toml("x.toml", "[a.b]\nzh = \"工单 #{id}\"\nen = \"ticket #{id}\"\n");
  CHECK(t(bot::locale::zh_CN, "a.b", fmt::arg("id", 3)) == "工单 #3");
  CHECK(t(bot::locale::en_US, "a.b", fmt::arg("id", 3)) == "ticket #3");
  CHECK(t(bot::locale::en_US, "a.b") == "ticket #{id}");
  CHECK(t(bot::locale::zh_CN, "no.such") == "no.such");
  CHECK_THROWS(t.add_toml("y.toml", "[a.b]\nzh = \"again\"\nen = \"again\"\n"));
  CHECK_THROWS(t.add_toml("z.toml", "[c.d]\nzh = \"only zh\"\n"));
}
