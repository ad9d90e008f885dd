// The chat side of broadcasting: the scope a notice or an emergency names ("3栋", "bldg 3") and how
// replies show it ("3栋" / "全小区"). Which groups a broadcast reaches and the fan-out itself are
// domain/broadcast/fan_out.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "bot/command.hpp"
#include "bot/services.hpp"
#include "bot/texts.hpp"

namespace commands {

// "3栋" / "全小区" in a language.
std::string scope_text(const bot::services& svc, bot::locale l, const std::optional<std::string>& building);

// A building named for a broadcast: "3栋", "3号楼", "3#" — not a bare number, which is a record id.
std::optional<std::string> parse_scope_building(std::string_view word);
// The same at a[i], or as English replies show it: "bldg 3", "building 3". Moves `i` past it.
std::optional<std::string> read_scope_building(const bot::args& a, std::size_t& i);

}  // namespace commands
