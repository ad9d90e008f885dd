// The text ids chosen at run time outside the ticket vocabulary (roles, group purposes, built-in
// emergency templates) exist in both catalogues; the ids come from tables, not from the sources.
#include <catch2/catch.hpp>
#include <string>

#include "bot/config.hpp"
#include "bot/texts.hpp"
#include "commands/text_ids.hpp"

TEST_CASE("every run-time text id exists in Chinese and English", "[texts]") {
  const auto& t = bot::texts::embedded();
  const auto ids = commands::run_time_text_ids();
  CHECK(ids.size() == 5 + 3 + 2 * 5);
  for (std::string_view id : ids) {
    INFO(id);
    REQUIRE(t.has(id));
    CHECK_FALSE(t.raw(bot::locale::zh_CN, id).empty());
    CHECK_FALSE(t.raw(bot::locale::en_US, id).empty());
  }
}

TEST_CASE("every role, purpose and built-in template has its texts", "[texts]") {
  for (auto r :
       {bot::role::resident, bot::role::owner, bot::role::staff, bot::role::manager, bot::role::admin})
    CHECK(commands::role_text_id(r) == "role." + std::string(bot::role_name(r)));
  for (const char* p : {"owners", "staff", "managers"})
    CHECK(commands::purpose_text_id(p) == "purpose." + std::string(p));
  CHECK_FALSE(commands::purpose_text_id("fishing"));
  // Every template the bot ships with, and none the config may add, has built-in texts.
  for (const auto& b : bot::emergency_config::builtin_templates()) {
    INFO(b.id);
    const auto* texts = commands::builtin_template_texts(b.id);
    REQUIRE(texts);
    CHECK(texts->title == "emergency.template." + b.id + ".title");
    CHECK(texts->advice == "emergency.template." + b.id + ".advice");
  }
  CHECK_FALSE(commands::builtin_template_texts("flood"));
}
