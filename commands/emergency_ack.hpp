// 收到 / /ack: owners acknowledge an emergency. In a group an acknowledgement is recorded without a
// reply (unless typed with a prefix), so that a hundred owners answering do not bury the emergency
// under a hundred bot messages — also when QQ turns their reply to the alert into an @ of the bot.
#pragma once
#include <string_view>
#include <vector>

#include "bot/command.hpp"
#include "domain/broadcast/emergency_acks.hpp"

namespace bot {
class context;
}

namespace commands {

std::vector<bot::command_spec> emergency_ack_commands();

// Group chat while an emergency is open in that group (domain::broadcast::note_chatter).
domain::broadcast::emergency_chatter note_emergency_chatter(bot::context& ctx, std::string_view text);
// For an owner who asks the bot about what the open emergency explains: which one it is, that
// staff are on it, and the duty phone. Staff get nothing.
void point_at_emergency(bot::context& ctx);

}  // namespace commands
