// Ticket categories (水电, 漏水, 电梯, ...) guessed from the owner's words, and the priority that
// follows from them. Category ids are domain::ticket_category's text forms; names are texts
// (commands/ticket_texts), and a category typed by name is read in commands/category_names.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ticket_types.hpp"

namespace domain::tickets {

// The ids as config keys know them ([tickets.dispatch], [tickets.sla.<category>]), "other" last.
const std::vector<std::string>& category_ids();
domain::ticket_category guess_category(std::string_view description);
// Fire, smoke, gas, flooding, someone trapped, falling objects, electrical danger: words (zh or en)
// that put a life at risk.
bool endangers_life(std::string_view description);
// Words saying a danger has passed, or was a drill: "火警解除了吗" is a question, not a fire.
bool tells_danger_is_over(std::string_view description);
// urgent for leaks, power cuts, people trapped, fire and gas; minor for small cosmetic jobs.
domain::ticket_priority guess_priority(domain::ticket_category category, std::string_view description);

}  // namespace domain::tickets
