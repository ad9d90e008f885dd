#include "bot/job_kind.hpp"

#include <charconv>

namespace bot {

std::string job_kind<std::int64_t>::ref(std::int64_t id) const {
  return std::string(prefix) + std::to_string(id);
}

std::optional<std::int64_t> job_kind<std::int64_t>::read(std::string_view ref) const {
  if (!ref.starts_with(prefix)) return std::nullopt;
  ref.remove_prefix(prefix.size());
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), id);
  if (ec != std::errc() || end != ref.data() + ref.size() || ref.empty() || id < 0) return std::nullopt;
  return id;
}

}  // namespace bot
