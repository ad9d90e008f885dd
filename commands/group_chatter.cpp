#include "commands/group_chatter.hpp"

#include "bot/context.hpp"
#include "commands/complaint_offer.hpp"
#include "commands/emergency_ack.hpp"
#include "commands/question_pointer.hpp"
#include "commands/understand.hpp"

namespace commands {

using domain::broadcast::emergency_chatter;

bool on_group_chatter(bot::context& ctx, const bot::chatter& c) {
  switch (note_emergency_chatter(ctx, c.text)) {
    case emergency_chatter::acknowledged:
      return true;
    case emergency_chatter::open:
      // Outage talk is about the emergency: no offers. Who asks the bot is pointed at it.
      if (c.addressed && (reads_like_complaint(ctx, c.text) ||
                          understand(ctx, c.text).kind == domain::intent::intent::question)) {
        point_at_emergency(ctx);
        return true;
      }
      return false;
    case emergency_chatter::none:
      break;
  }
  if (offer_to_register(ctx, c.text, c.addressed)) return true;
  // A question gets a pointer (a notice, the owner's tickets privately), never an offer; among
  // neighbours only when a notice answers it, so that the group is not talked over.
  if (ctx.chat.purpose != "owners" || ctx.is_staff()) return false;
  if (understand(ctx, c.text).kind != domain::intent::intent::question) return false;
  return point_to_answer(ctx, c.text, c.addressed);
}

}  // namespace commands
