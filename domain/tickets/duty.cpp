#include "domain/tickets/duty.hpp"

#include "bot/member_role.hpp"
#include "storage/stores.hpp"

namespace domain::tickets {

std::optional<storage::member_row> next_on_duty(const bot::services& svc, const storage::ticket_row& t,
                                                std::optional<std::int64_t> exclude) {
  for (const auto& d : svc.db.duty.candidates(t.community_id, t.category)) {
    if (exclude && d.member_id == *exclude) continue;
    auto m = svc.db.members.get(d.member_id);
    if (!m || !bot::at_least(bot::member_role(svc, *m, t.community_id), bot::role::staff)) continue;
    return m;
  }
  return std::nullopt;
}

}  // namespace domain::tickets
