// What happens to a ticket, whoever asks (a command or a timer): opening it (service targets,
// dispatch, the staff notice), applying an action the state machine allowed (fields, the event
// row, the audit log, timers) and telling the people involved — the reporter in the group they
// wrote in (or privately, or through the seal of the suggestion box), staff, and managers.
// desk.cpp opens and applies, notify.cpp decides who is told, timers.cpp runs the timers. What
// the messages say is the `news` the desk is given (commands/ticket_news).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bot/message.hpp"
#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "domain/tickets/action.hpp"
#include "domain/tickets/flow.hpp"
#include "domain/tickets/news.hpp"
#include "storage/member_store.hpp"
#include "storage/outbox_store.hpp"
#include "storage/ticket_store.hpp"

namespace domain::tickets {

class ticket_desk {
 public:
  ticket_desk(bot::services& svc, const news& words) : svc_(svc), news_(words) {}

  // Stores a new ticket (state new, due times from the config), dispatches it and tells staff.
  storage::ticket_row open(storage::ticket_row t, const std::vector<bot::image_ref>& images);

  unsigned parties(const storage::ticket_row& t, const actor& who) const;
  guard_facts facts(const storage::ticket_row& t) const;
  // Applies a transition `check` allowed; returns the id of the history row it wrote.
  std::int64_t apply(storage::ticket_row& t, const transition& row, const actor& who, const act_input& in);

  // Timers (jobs ticket.sla, ticket.escalations and ticket.autoclose): timers.cpp.
  void check_sla(std::int64_t ticket_id);
  // Tells the managers about the escalations after history row `after_event`: each one when there
  // are a few, one summary when many fell due at once (after downtime, say), so a group is never
  // flooded.
  void announce_escalations(std::int64_t community_id, std::int64_t after_event);
  void auto_close(std::int64_t ticket_id);

  // Whether a reply can reach the reporter (anonymous writers only while their seal opens).
  bool reporter_reachable(const storage::ticket_row& t) const;

 private:
  // notify.cpp
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

  // desk.cpp
  void dispatch(storage::ticket_row& t, std::optional<std::int64_t> exclude);
  void schedule(const std::string& kind, const storage::ticket_row& t, std::int64_t at);
  std::int64_t now() const;
  // Into the outbox, in the caller's transaction: the pump wakes when it commits.
  void send(const bot::chat_ref& to, bot::outgoing o, storage::priority p, const std::string& ref);
  // To people at work: joins news still waiting in the chat (storage::outbox_store::enqueue_joining).
  void send_news(const bot::chat_ref& to, bot::outgoing o, storage::priority p, const std::string& ref);
  // To an anonymous writer: a sealed outbox row, with no ref.
  void send_sealed(const bot::chat_ref& to, bot::outgoing o, storage::priority p);

  bot::services& svc_;
  const news& news_;
};

}  // namespace domain::tickets
