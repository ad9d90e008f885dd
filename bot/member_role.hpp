// Who someone is in a community: the one place a member's role is worked out, for the sender of a
// message (the dispatcher) and for anyone else (finding a colleague, leaving staff out of
// emergency reminders and acknowledgement counts), so that all of them always agree.
#pragma once
#include <cstdint>

#include "bot/role.hpp"
#include "bot/services.hpp"
#include "storage/member_store.hpp"

namespace bot {

// The highest of: the config's [roles], a role granted in chat (授权, or the console's `:as`),
// and owner for someone who bound a flat.
role member_role(const services& svc, const storage::member_row& m, std::int64_t community_id);

}  // namespace bot
