// Round-robin dispatch among the staff on duty (上班/下班, commands/ticket_duty): who gets the next
// ticket of a category. Someone who never said 上班 gets no round-robin tickets; with nobody on
// duty a ticket waits in the pool for 接单.
#pragma once
#include <cstdint>
#include <optional>

#include "bot/services.hpp"
#include "storage/member_store.hpp"
#include "storage/ticket_store.hpp"

namespace domain::tickets {

// The on-duty staff member serving the ticket's category who waited longest, other than
// `exclude` (who just gave it back); none when nobody is on duty.
std::optional<storage::member_row> next_on_duty(const bot::services& svc, const storage::ticket_row& t,
                                                std::optional<std::int64_t> exclude);

}  // namespace domain::tickets
