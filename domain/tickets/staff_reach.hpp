// Where staff hear about tickets when their community has no staff group (a fresh install nobody
// registered yet): the staff who talk to the bot privately, else the managers' group. Nobody at
// all is an error in the log, never silence.
#pragma once
#include <cstdint>
#include <vector>

#include "bot/services.hpp"
#include "storage/chat_store.hpp"

namespace domain::tickets {

// The chats to tell instead of a staff group; logs what it chose and why.
std::vector<storage::chat_row> staff_without_group(const bot::services& svc, std::int64_t community_id);

}  // namespace domain::tickets
