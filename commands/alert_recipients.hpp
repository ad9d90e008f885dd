// Who hears about delivery problems in a community: its managers' groups; without one, managers
// privately where they have talked to the bot; without that, the staff groups.
#pragma once
#include <cstdint>
#include <vector>

#include "bot/message.hpp"

namespace bot {
struct services;
}

namespace commands {

std::vector<bot::chat_ref> alert_recipients(bot::services& svc, std::int64_t community);

}  // namespace commands
