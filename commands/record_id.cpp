#include "commands/record_id.hpp"

#include <charconv>

namespace commands {

std::optional<std::int64_t> parse_record_id(std::string_view word) {
  if (!word.empty() && word.front() == '#') word.remove_prefix(1);
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(word.data(), word.data() + word.size(), id);
  if (ec != std::errc() || p != word.data() + word.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace commands
