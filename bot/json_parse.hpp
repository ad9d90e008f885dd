// One way to read JSON that arrives from outside (platform events, webhook bodies, platform API
// answers): a document nested deeper than a limit is refused before it is parsed, because code
// that walks a parsed value (dump(), comparisons, our own readers) recurses once per level and a
// 200 KB body nested 100,000 deep would overflow the stack.
#pragma once
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace bot {

// Deeper than any event or answer a platform sends (OneBot events reach 5 levels).
inline constexpr std::size_t json_depth_limit = 64;

struct untrusted_json {
  enum class problem { none, malformed, too_deep };
  nlohmann::json value;  // discarded unless problem is none
  problem refused = problem::none;

  bool ok() const { return refused == problem::none; }
};

// "JSON nested deeper than 64 levels", for refusals and logs.
std::string too_deep_message(std::size_t max_depth = json_depth_limit);

// Nesting depth of arrays and objects outside string literals; counting stops once past
// `stop_after`, so the scan is linear and never recurses. Malformed text gets some number: the
// parser refuses it anyway.
std::size_t json_nesting(std::string_view text, std::size_t stop_after);

untrusted_json parse_untrusted_json(std::string_view text, std::size_t max_depth = json_depth_limit);

}  // namespace bot
