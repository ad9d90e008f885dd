#include "commands/group_chatter.hpp"

#include "bot/context.hpp"
#include "commands/complaint_offer.hpp"
#include "commands/emergency_ack.hpp"

namespace commands {

using domain::broadcast::emergency_chatter;

bool on_group_chatter(bot::context& ctx, const bot::chatter& c) {
  switch (note_emergency_chatter(ctx, c.text)) {
    case emergency_chatter::acknowledged:
      return true;
    case emergency_chatter::open:
      // Outage talk is about the emergency: no offers. Who asks the bot is pointed at it.
      if (c.addressed && reads_like_complaint(ctx, c.text)) {
        point_at_emergency(ctx);
        return true;
      }
      return false;
    case emergency_chatter::none:
      break;
  }
  return offer_to_register(ctx, c.text, c.addressed);
}

}  // namespace commands
