// What happens to a ticket, whoever asks (a command or a timer): opening it (service targets,
// dispatch, the staff notice), applying an action the state machine allowed (fields, the event
// row, the audit log, timers) and telling the people involved — the reporter in the group they
// wrote in (or privately, or through the seal of the suggestion box), staff, and managers.
// ticket_desk.cpp opens and applies, ticket_notify.cpp tells, ticket_timers.cpp runs the timers.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bot/command.hpp"
#include "bot/message.hpp"
#include "bot/role.hpp"
#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "domain/tickets/flow.hpp"
#include "storage/member_store.hpp"
#include "storage/outbox_store.hpp"
#include "storage/ticket_store.hpp"

namespace bot {
class context;
class feature_host;
}  // namespace bot

namespace commands {

using domain::tickets::guard_facts;
using domain::tickets::ticket_action;
using domain::tickets::transition;
using domain::tickets::verdict;

struct actor {
  std::optional<storage::member_row> member;  // none: the system (timers)
  bot::role level = bot::role::resident;
  std::int64_t community_id = 0;  // where the actor works (staff see their community's tickets)
};
actor actor_of(const bot::context& ctx);

// What an action carries besides its ticket.
struct act_input {
  std::string note;                                  // what was done, a reason, a reply, a comment
  std::optional<storage::member_row> target;         // assign / transfer: to whom
  std::optional<int> score;                          // rate: 1-5
  std::optional<domain::visit_result> visit_result;  // visit
};

class ticket_desk {
 public:
  explicit ticket_desk(bot::services& svc) : svc_(svc) {}
  static ticket_desk of(bot::context& ctx);
  static ticket_desk of(bot::services& svc);

  // Stores a new ticket (state new, due times from the config), dispatches it and tells staff.
  storage::ticket_row open(storage::ticket_row t, const std::vector<bot::image_ref>& images);

  unsigned parties(const storage::ticket_row& t, const actor& who) const;
  guard_facts facts(const storage::ticket_row& t) const;
  // Applies a transition `check` allowed; returns the id of the history row it wrote.
  std::int64_t apply(storage::ticket_row& t, const transition& row, const actor& who, const act_input& in);

  // Timers (jobs ticket.sla, ticket.escalations and ticket.autoclose): ticket_timers.cpp.
  void check_sla(std::int64_t ticket_id);
  // Tells the managers about the escalations after history row `after_event`: each one when there
  // are a few, one summary when many fell due at once (after downtime, say), so a group is never
  // flooded.
  void announce_escalations(std::int64_t community_id, std::int64_t after_event);
  void auto_close(std::int64_t ticket_id);

  // Whether a reply can reach the reporter (anonymous writers only while their seal opens).
  bool reporter_reachable(const storage::ticket_row& t) const;

 private:
  // ticket_notify.cpp
  using text_fn = std::function<std::string(bot::locale)>;
  void tell_reporter(const storage::ticket_row& t, const text_fn& text);
  // Staff groups of the ticket's community, @-mentioning `who` when given; without a staff group,
  // `who` is told privately, and news for nobody in particular goes where staff_without_group says.
  void tell_staff(const storage::ticket_row& t, const text_fn& text,
                  const std::optional<storage::member_row>& who,
                  storage::priority p = storage::priority::reply);
  void tell_managers(std::int64_t community_id, const std::string& ref, const text_fn& text);
  void notify(const storage::ticket_row& t, ticket_action a, const actor& who, const act_input& in);
  bot::locale default_locale() const;

  // ticket_desk.cpp
  void dispatch(storage::ticket_row& t, std::optional<std::int64_t> exclude);
  void schedule(const std::string& kind, const storage::ticket_row& t, std::int64_t at);
  std::string where(const storage::ticket_row& t, bot::locale l) const;
  std::int64_t now() const;
  // Into the outbox, in the caller's transaction: the pump wakes when it commits.
  void send(const bot::chat_ref& to, bot::outgoing o, storage::priority p, const std::string& ref);
  // To an anonymous writer: a sealed outbox row, with no ref.
  void send_sealed(const bot::chat_ref& to, bot::outgoing o, storage::priority p);

  bot::services& svc_;
};

// The jobs ticket.sla, ticket.autoclose and ticket.escalations (ticket_timers.cpp).
void install_ticket_timers(bot::feature_host& host);

// A command's way through the state machine: finds the ticket, makes sure the sender may see it,
// asks `check`, applies the action and replies with `ticket.done.<action>`. Refusals are clear
// replies that change nothing.
bot::command_result perform(bot::context& ctx, ticket_action a, std::int64_t ticket_id,
                            const act_input& in = {});
// The refusal for a verdict, with every field the texts may use.
bot::failure refusal(const bot::context& ctx, const verdict& v, const storage::ticket_row& t,
                     ticket_action a);
// Arguments of the form "12 ...": for bare_match.
bool starts_with_ticket_id(const bot::args& a);

}  // namespace commands
