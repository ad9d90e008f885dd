#include "commands/group_chatter.hpp"

#include "bot/context.hpp"
#include "commands/complaint_offer.hpp"
#include "commands/emergency_ack.hpp"
#include "commands/question_pointer.hpp"
#include "commands/understand.hpp"

namespace commands {

using domain::broadcast::emergency_chatter;

bool on_group_chatter(bot::context& ctx, const bot::chatter& c) {
  const auto ack = note_emergency_chatter(ctx, c.text);
  if (ack == emergency_chatter::acknowledged) return true;
  // Read once: the model is the costly part of a message that is no command.
  const auto r = understand(ctx, c.text);
  const bool question = r.kind == domain::intent::intent::question;
  if (ack == emergency_chatter::open) {
    // Outage talk is about the emergency: no offers. Who asks the bot is pointed at it.
    if (c.addressed && (reads_like_complaint(c.text, r) || question)) {
      point_at_emergency(ctx);
      return true;
    }
    return false;
  }
  if (offer_to_register(ctx, c.text, r, c.addressed)) return true;
  // A question gets a pointer (a notice, the owner's tickets privately), never an offer; among
  // neighbours only when a notice answers it, so that the group is not talked over.
  if (ctx.chat.purpose != "owners" || ctx.is_staff() || !question) return false;
  return point_to_answer(ctx, c.text, c.addressed);
}

}  // namespace commands
