#include "adapters/onebot/requests.hpp"

namespace adapters::onebot {

std::optional<api_call> answer_request(const request_event& r, const request_rules& rules) {
  if (!rules.approve || r.flag.empty()) return std::nullopt;
  if (r.type == "friend") return api_call{"set_friend_add_request", {{"flag", r.flag}, {"approve", true}}};
  if (r.type == "group" && r.sub_type == "invite" && rules.admins.contains(r.user_id))
    return api_call{"set_group_add_request", {{"flag", r.flag}, {"sub_type", "invite"}, {"approve", true}}};
  return std::nullopt;
}

}  // namespace adapters::onebot
