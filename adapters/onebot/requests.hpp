// Which friend requests and group invitations the bot accepts by itself. On QQ a private chat
// needs friendship, and binding a flat happens in private chat, so friend requests are approved
// (set_friend_add_request). The bot joins a group only when an admin ([roles] admins,
// "onebot:<QQ>") invites it (set_group_add_request, sub_type invite): anyone else could otherwise
// pull the bot into groups that then hear from it. Everything else (other invitations, people
// asking to join a group where the bot is group admin) is left unanswered for a person to decide
// in the QQ client. Pure.
#pragma once
#include <optional>
#include <set>
#include <string>

#include "adapters/onebot/api.hpp"
#include "adapters/onebot/event_parser.hpp"

namespace adapters::onebot {

struct request_rules {
  bool approve = true;                        // [adapters.onebot] approve_requests
  std::set<std::string, std::less<>> admins;  // QQ numbers of the configured admins
};

// The API call that answers the request, or nullopt when the bot leaves it alone.
std::optional<api_call> answer_request(const request_event& r, const request_rules& rules);

}  // namespace adapters::onebot
