// A ticket command's way through the state machine: finds the ticket, makes sure the sender may
// see it, asks domain::tickets::check, has the desk apply the action and replies with
// `ticket.done.<action>`. Refusals are clear replies that change nothing.
#pragma once
#include <cstdint>

#include "bot/command.hpp"
#include "domain/tickets/action.hpp"
#include "domain/tickets/flow.hpp"
#include "storage/ticket_store.hpp"

namespace bot {
class context;
}

namespace commands {

// The sender as the desk sees them.
domain::tickets::actor actor_of(const bot::context& ctx);

bot::command_result perform(bot::context& ctx, domain::tickets::ticket_action a, std::int64_t ticket_id,
                            const domain::tickets::act_input& in = {});
// The refusal for a verdict, with every field the texts may use.
bot::failure refusal(const bot::context& ctx, const domain::tickets::verdict& v, const storage::ticket_row& t,
                     domain::tickets::ticket_action a);
// Arguments of the form "12 ...": for bare_match.
bool starts_with_ticket_id(const bot::args& a);

}  // namespace commands
