#include "commands/staff_directory.hpp"

#include "bot/clock.hpp"
#include "bot/invocation.hpp"
#include "bot/member_role.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

staff_match one_of(const bot::services& svc, std::vector<storage::member_row> people,
                   std::int64_t community_id) {
  staff_match out;
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

// The mention whose "@name" starts exactly at `offset` of the body (the longest, if several do).
const bot::mention* mention_at(const bot::message& msg, std::string_view body, std::size_t offset,
                               std::size_t& end) {
  const bot::mention* found = nullptr;
  for (const auto& m : msg.mentions) {
    const std::string shown = "@" + (m.name.empty() ? m.user_id : m.name);
    if (body.compare(offset, shown.size(), shown) != 0) continue;
    if (found && offset + shown.size() <= end) continue;
    found = &m;
    end = offset + shown.size();
  }
  return found;
}

}  // namespace

staff_match find_staff_by_id(const bot::services& svc, const std::string& platform,
                             const std::string& user_id, const std::string& name, std::int64_t community_id) {
  auto member = svc.db.members.find(platform, user_id);
  if (!member) {
    storage::member_row stranger{0, platform, user_id, name};
    if (!bot::at_least(bot::member_role(svc, stranger, community_id), bot::role::staff)) {
      staff_match out;
      out.refusal = "ticket.colleague.unknown";
      return out;
    }
    member = svc.db.members.touch({platform, user_id, name}, svc.clk.now_ms());
  }
  return one_of(svc, {*member}, community_id);
}

colleague find_colleague(const bot::services& svc, const bot::message& msg, const bot::args& a,
                         std::size_t index, std::int64_t community_id) {
  colleague out;
  out.next = index + 1;
  const bot::token& t = a.tokens.at(index);
  std::size_t end = 0;
  if (const bot::mention* m = mention_at(msg, a.body, t.begin, end)) {
    out.match = find_staff_by_id(svc, msg.sender.platform, m->user_id, m->name, community_id);
    out.name = out.match.member && !out.match.member->display_name.empty() ? out.match.member->display_name
               : m->name.empty()                                           ? m->user_id
                                                                           : m->name;
    while (out.next < a.tokens.size() && a.tokens[out.next].begin < end) ++out.next;
    return out;
  }
  out.name = bot::strip_at(t.text);
  out.match = find_staff(svc, msg.sender.platform, t.text, community_id);
  return out;
}

staff_match find_staff(const bot::services& svc, const std::string& platform, std::string_view word,
                       std::int64_t community_id) {
  staff_match out;
  std::string name(bot::strip_at(word));
  if (name.empty()) {
    out.refusal = "ticket.colleague.unknown";
    return out;
  }
  return one_of(svc, svc.db.members.find_by_name(platform, name), community_id);
}

}  // namespace commands
