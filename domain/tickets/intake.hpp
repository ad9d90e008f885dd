// What a report becomes before the desk opens it: its category from the owner's words (the intent
// model, domain/intent) and its priority from them (domain/tickets/category), its place from the
// address typed, else the place the words name ("地下车库B区", "13楼电梯口"), else the building of the
// group it was reported in, else — for a repair — the one unit the reporter is bound to.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/ticket_types.hpp"
#include "domain/units/address.hpp"
#include "storage/ticket_store.hpp"

namespace storage {
struct stores;
}

namespace domain::tickets {

struct report {
  std::int64_t community_id = 0;
  domain::ticket_kind kind = domain::ticket_kind::repair;
  std::string description;
  std::optional<units::unit_address> where;   // as typed
  std::optional<units::unit_address> home;    // the one unit the reporter is bound to, if exactly one
  std::optional<std::string> group_building;  // the building of the group it was reported in
  std::int64_t reporter_id = 0;
  std::int64_t origin_chat = 0;
  std::string origin_message_id;
  std::int64_t at = 0;
  std::string lang;  // zh-CN | en-US
};

// The ticket to hand to ticket_desk::open.
storage::ticket_row ticket_of(storage::stores& db, const report& r);

}  // namespace domain::tickets
