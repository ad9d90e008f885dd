#include "domain/tickets/settings.hpp"

#include <algorithm>

#include "bot/config.hpp"
#include "domain/tickets/category.hpp"

namespace domain::tickets {
namespace {

bool is_category(const std::string& id) {
  const auto& ids = category_ids();
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

void check_ticket_settings(const bot::config& cfg) {
  for (const auto& [key, mode] : cfg.tickets.dispatch) {
    const std::string path = "tickets.dispatch." + key;
    if (key != "default" && key != "complaint" && key != "suggestion" && !is_category(key))
      throw bot::config_error(path + ": unknown key");
    if (mode != "manual" && mode != "grab" && mode != "round_robin")
      throw bot::config_error(path + ": must be \"manual\", \"grab\" or \"round_robin\"");
  }
  for (const auto& [key, target] : cfg.tickets.sla) {
    auto dot = key.find('.');  // "elevator.urgent"; the rest are the plain targets
    if (dot != std::string::npos && !is_category(key.substr(0, dot)))
      throw bot::config_error("tickets.sla." + key.substr(0, dot) + ": unknown key");
  }
}

}  // namespace domain::tickets
