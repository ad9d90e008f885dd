// Ticket categories (水电, 漏水, 电梯, ...) guessed from the owner's words, and the priority that
// follows from them. Category ids are stable English words; names are texts `category.<id>`.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commands {

const std::vector<std::string>& category_ids();  // in display order, "other" last
std::string guess_category(std::string_view description);
// A category typed by name: "水电", "water/power", or the id itself ("water_power").
std::optional<std::string> category_from_name(std::string_view word);
// Fire, smoke, gas or someone trapped: words (zh or en) that put a life at risk.
bool endangers_life(std::string_view description);
// urgent for leaks, power cuts, people trapped, fire and gas; minor for small cosmetic jobs.
std::string guess_priority(std::string_view category, std::string_view description);

}  // namespace commands
