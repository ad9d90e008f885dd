// Logging with a module tag and a replaceable sink (tests capture it). Never log secrets,
// signatures or whole bodies of authenticated requests.
#pragma once
#include <fmt/format.h>

#include <functional>
#include <string>
#include <string_view>

namespace bot::log {

enum class level { debug, info, warn, error };
using sink = std::function<void(level, std::string_view module, std::string_view text)>;

void set_sink(sink s);  // empty → default stderr sink
void set_min_level(level l);
// The default sink writes for the journal: a "<N>" syslog priority first, no timestamp (the journal
// keeps its own).
void use_journal_format();
bool enabled(level l);
void write(level l, std::string_view module, std::string_view text);

template <class... A>
void debug(std::string_view m, fmt::format_string<A...> f, A&&... a) {
  if (enabled(level::debug)) write(level::debug, m, fmt::format(f, std::forward<A>(a)...));
}
template <class... A>
void info(std::string_view m, fmt::format_string<A...> f, A&&... a) {
  if (enabled(level::info)) write(level::info, m, fmt::format(f, std::forward<A>(a)...));
}
template <class... A>
void warn(std::string_view m, fmt::format_string<A...> f, A&&... a) {
  if (enabled(level::warn)) write(level::warn, m, fmt::format(f, std::forward<A>(a)...));
}
template <class... A>
void error(std::string_view m, fmt::format_string<A...> f, A&&... a) {
  if (enabled(level::error)) write(level::error, m, fmt::format(f, std::forward<A>(a)...));
}

}  // namespace bot::log
