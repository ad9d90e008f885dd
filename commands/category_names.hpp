// A ticket category as people type it in a command (上班 水电, 统计 电梯): by its name in either
// language or by its id. The categories themselves are domain/tickets/category.
#pragma once
#include <optional>
#include <string_view>

#include "domain/ticket_types.hpp"

namespace commands {

// "水电", "water/power", or the id itself ("water_power").
std::optional<domain::ticket_category> category_from_name(std::string_view word);

}  // namespace commands
