// Complaints that would have drowned in chat: an owners' group message that is no command but
// reads like a repair or complaint ("3栋电梯又坏了") gets one short offer, and `登记` turns that
// message into a ticket. Keywords and the rate limit are in [tickets.offers]; never for thanks
// or greetings, never more than once per person per window; managers switch it off per group
// with `报修提示 关`.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace bot {
class context;
}

namespace commands {

std::vector<bot::command_spec> complaint_offer_commands();
// The dispatcher's on_chatter hook.
void offer_to_register(bot::context& ctx);

}  // namespace commands
