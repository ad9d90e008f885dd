// The one reader of JSON from outside: documents nested deeper than the limit are refused before
// parsing, brackets inside strings do not count, and ordinary documents read as before.
#include <catch2/catch.hpp>

#include "bot/json_parse.hpp"

namespace {

std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

}  // namespace

TEST_CASE("untrusted JSON: the depth limit is exact and counts arrays and objects", "[json]") {
  using problem = bot::untrusted_json::problem;
  CHECK(bot::parse_untrusted_json(nested_arrays(64)).ok());
  CHECK(bot::parse_untrusted_json(nested_arrays(65)).refused == problem::too_deep);
  CHECK(bot::parse_untrusted_json(nested_arrays(100'000)).refused == problem::too_deep);
  CHECK(bot::parse_untrusted_json(R"({"a":{"b":[{"c":1}]}})", 4).ok());
  CHECK(bot::parse_untrusted_json(R"({"a":{"b":[{"c":[]}]}})", 4).refused == problem::too_deep);
  // An unclosed document is refused as too deep without reading on, or else as malformed.
  CHECK(bot::parse_untrusted_json(std::string(100'000, '{')).refused == problem::too_deep);
  CHECK(bot::parse_untrusted_json("{not json").refused == problem::malformed);
  CHECK(bot::parse_untrusted_json("").refused == problem::malformed);
}

TEST_CASE("untrusted JSON: brackets inside strings, escaped quotes included, are text", "[json]") {
  auto r = bot::parse_untrusted_json(R"({"text":"[[[[{{{{ \"[[[[\" \\"})", 1);
  REQUIRE(r.ok());
  CHECK(r.value["text"] == R"([[[[{{{{ "[[[[" \)");
  CHECK(bot::json_nesting(R"(["\"]", [["\\"]]])", 64) == 3);
  CHECK(bot::json_nesting(R"({"a":"}}}}", "b":{"c":"{"}})", 64) == 2);
}

TEST_CASE("untrusted JSON: integers beyond 64 bits stay exact as their digits, other numbers as before",
          "[json][hardening]") {
  auto r = bot::parse_untrusted_json(
      R"({"a":18446744073709551617,"b":-9223372036854775809,"c":18446744073709551615,"d":-1,"e":1.5,"f":1e3})");
  REQUIRE(r.ok());
  CHECK(r.value["a"] == "18446744073709551617");
  CHECK(r.value["b"] == "-9223372036854775809");
  CHECK(r.value["c"].is_number_unsigned());
  CHECK(r.value["c"].get<std::uint64_t>() == 18446744073709551615u);
  CHECK(r.value["d"] == -1);
  CHECK(r.value["e"] == 1.5);
  CHECK(r.value["f"].is_number_float());
  CHECK(bot::parse_untrusted_json("[1,]").refused == bot::untrusted_json::problem::malformed);
  CHECK(bot::parse_untrusted_json("123456789012345678901234567890").value ==
        "123456789012345678901234567890");
}
