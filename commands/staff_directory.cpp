#include "commands/staff_directory.hpp"

#include "bot/member_role.hpp"
#include "storage/stores.hpp"

namespace commands {

std::string strip_at(std::string_view word) {
  if (word.rfind("@", 0) == 0)
    word.remove_prefix(1);
  else if (word.rfind("\uFF20", 0) == 0)
    word.remove_prefix(3);  // ＠
  return std::string(word);
}

staff_match find_staff(const bot::services& svc, const std::string& platform, std::string_view word,
                       std::int64_t community_id) {
  staff_match out;
  std::string name = strip_at(word);
  if (name.empty()) {
    out.refusal = "ticket.colleague.unknown";
    return out;
  }
  auto people = svc.db.members.find_by_name(platform, name);
  if (people.empty()) {
    out.refusal = "ticket.colleague.unknown";
    return out;
  }
  std::vector<storage::member_row> staff;
  for (auto& p : people)
    if (bot::at_least(bot::member_role(svc, p, community_id), bot::role::staff))
      staff.push_back(std::move(p));
  out.count = staff.size();
  if (staff.empty())
    out.refusal = "ticket.colleague.not_staff";
  else if (staff.size() > 1)
    out.refusal = "ticket.colleague.ambiguous";
  else
    out.member = std::move(staff.front());
  return out;
}

}  // namespace commands
