#include "bot/member_role.hpp"

#include <algorithm>

#include "bot/config.hpp"
#include "storage/stores.hpp"

namespace bot {

role member_role(const services& svc, const storage::member_row& m, std::int64_t community_id) {
  const std::string key = m.platform + ":" + m.user_id;
  auto listed = [&](const std::vector<std::string>& ids) {
    return std::find(ids.begin(), ids.end(), key) != ids.end();
  };
  role r = role::resident;
  if (listed(svc.cfg.roles.staff)) r = role::staff;
  if (listed(svc.cfg.roles.managers)) r = role::manager;
  if (listed(svc.cfg.roles.admins)) r = role::admin;
  if (m.id == 0) return r;  // not recorded (the suggestion box's writer): nothing granted or bound
  if (auto granted = svc.db.members.granted_role(m.id, community_id); granted && !at_least(r, *granted))
    r = *granted;
  if (r == role::resident && !svc.db.units.units_of(m.id).empty()) r = role::owner;
  return r;
}

}  // namespace bot
