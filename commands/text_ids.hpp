// Text ids picked at run time from a known set — roles, group purposes, the built-in emergency
// templates — as tables rather than ids glued together, so that tests/commands/text_ids_test can
// walk every id these can hand out. (The ticket vocabulary has its own: ticket_texts.hpp.)
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "bot/role.hpp"

namespace commands {

std::string_view role_text_id(bot::role r);  // "role.staff"
// A group's purpose as stored ("owners" | "staff" | "managers"): "purpose.staff".
std::optional<std::string_view> purpose_text_id(std::string_view purpose);

struct template_texts {
  std::string_view id;  // "power_cut"
  std::string_view title, advice;
};
// The texts of a built-in emergency template; none for one the config defines (the config must
// then give its titles and advice itself).
const template_texts* builtin_template_texts(std::string_view template_id);

// Every id above, for the catalogue test.
std::vector<std::string_view> run_time_text_ids();

}  // namespace commands
