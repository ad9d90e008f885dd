// Text from platforms and terminals as valid UTF-8: what is valid stays byte for byte, anything
// else becomes U+FFFD once, so JSON (the outbox, the relay seal) can always hold it.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bot/utf8.hpp"
#include "support/test_bot.hpp"

using bot::utf8::valid;

TEST_CASE("valid UTF-8 stays as it is", "[utf8]") {
  for (std::string s : {"", "报修 3-2-1201 厨房漏水", "电梯坏了😡😡", "café \xEF\xBF\xBD kept"})
    CHECK(valid(s) == s);
}

TEST_CASE("stray bytes, cut sequences, overlong forms and surrogates become U+FFFD", "[utf8]") {
  CHECK(valid("a\x95z") == "a\xEF\xBF\xBDz");
  CHECK(valid("漏\xE6\xB0") == "漏\xEF\xBF\xBD");      // cut at the end
  CHECK(valid("\xC0\xAF") == "\xEF\xBF\xBD");          // overlong "/"
  CHECK(valid("\xED\xA0\x80") == "\xEF\xBF\xBD");      // a UTF-16 surrogate
  CHECK(valid("\xF4\x90\x80\x80") == "\xEF\xBF\xBD");  // past U+10FFFF
  CHECK(valid("\xFF\xFE水") == "\xEF\xBF\xBD\xEF\xBF\xBD水");
  for (std::string s : {"a\x95z", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE6\xB0"}) {
    CHECK_NOTHROW(nlohmann::json(valid(s)).dump());
    bot::utf8::make_valid(s);  // the same, in place
    CHECK(s == valid(s));
  }
}

TEST_CASE("a report typed with stray bytes is filed and can be shown", "[utf8][commands]") {
  // Found by fuzzing: the reply quoting the description could not be queued (JSON refused it).
  testing::test_bot bot;
  bot.as("王阿姨").in_private().say("报修 3-2-1201 厨房\x95漏水\xE6").should_reply_containing("#1");
  auto shown = bot.as("王阿姨").in_private().say("工单 1");
  shown.should_reply_containing("#1");
  shown.should_reply_containing("厨房\xEF\xBF\xBD漏水");
}
