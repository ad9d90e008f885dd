#include "commands/broadcast.hpp"

#include "commands/record_id.hpp"
#include "domain/units/address.hpp"

namespace commands {

using domain::units::parse_address_words;
using domain::units::parse_building;

std::string scope_text(const bot::services& svc, bot::locale l, const std::optional<std::string>& building) {
  return building ? svc.t(l, "scope.building", fmt::arg("building", *building)) : svc.t(l, "scope.community");
}

std::optional<std::string> parse_scope_building(std::string_view word) {
  if (parse_record_id(word)) return std::nullopt;
  return parse_building(word);
}

std::optional<std::string> read_scope_building(const bot::args& a, std::size_t& i) {
  if (i >= a.size()) return std::nullopt;
  if (i + 1 < a.size())
    if (auto w = parse_address_words({a[i], a[i + 1]})) {  // "bldg 3", as English replies show it
      i += 2;
      return w->address.building;
    }
  auto b = parse_scope_building(a[i]);
  if (b) ++i;
  return b;
}

}  // namespace commands
