// Who acts on a ticket and what an action carries besides the ticket: the desk applies it, the
// desk's news tells of it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "bot/role.hpp"
#include "domain/ticket_types.hpp"
#include "storage/member_store.hpp"

namespace domain::tickets {

struct actor {
  std::optional<storage::member_row> member;  // none: the system (timers)
  bot::role level = bot::role::resident;
  std::int64_t community_id = 0;  // where the actor works (staff see their community's tickets)
};

// What an action carries besides its ticket.
struct act_input {
  std::string note;                                  // what was done, a reason, a reply, a comment
  std::optional<storage::member_row> target;         // assign / transfer: to whom
  std::optional<int> score;                          // rate: 1-5
  std::optional<domain::visit_result> visit_result;  // visit
};

}  // namespace domain::tickets
