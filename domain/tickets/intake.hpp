// What a report becomes before the desk opens it: its category and priority guessed from the
// owner's words, its place from the address typed (or, for a repair, the one unit the reporter is
// bound to, or a building the words name), and its kind when a complaint offered in a group is
// taken (登记).
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
  std::optional<units::unit_address> where;  // as typed
  std::optional<units::unit_address> home;   // the one unit the reporter is bound to, if exactly one
  std::int64_t reporter_id = 0;
  std::int64_t origin_chat = 0;
  std::string origin_message_id;
  std::int64_t at = 0;
  std::string lang;  // zh-CN | en-US
};

// The ticket to hand to ticket_desk::open.
storage::ticket_row ticket_of(storage::stores& db, const report& r);

// A complaint offered from group chat: someone trapped, a leak, fire or gas is a repair to send
// someone to, however angry the words ("困了好久都没人管"); a complaint is only about the service
// itself.
domain::ticket_kind offered_kind(std::string_view text);

}  // namespace domain::tickets
