// What owners' free text may show in a group: never a room number or a phone number (DOMAIN.md,
// privacy). Staff notes, ticket descriptions and suggestions pass through here before any group
// sees them.
#pragma once
#include <string>
#include <string_view>

#include "bot/texts.hpp"

namespace commands {

// Every address parse_unit_address reads with a room ("3-2-1201", "3栋1201", "3号楼2单元1201室",
// "3#2-1201", "A座1201", glued to the words around it as in "3栋1201门口") becomes its masked
// form ("3栋2单元", en "bldg 3 unit 2"); a room alone ("1201室") loses its number; phone numbers
// in any spacing ("138-1234-5678", "+86 139 0000 1111") and other runs of 7+ digits become "***".
std::string redact_for_group(std::string_view text, bot::locale l = bot::locale::zh_CN);

// What staff broadcast to owners' groups (notices, emergencies): room numbers masked as above, the
// rest as typed. Phone numbers stay: staff publish service and duty numbers there.
std::string redact_rooms(std::string_view text, bot::locale l);

}  // namespace commands
