// Where the ticket vocabulary meets the texts catalogue: the text id of every kind, state,
// priority, category, action, history event, visit result and staff news, as tables rather than ids glued
// together at run time, so that tests/commands/ticket_texts_test walks every id this file can
// hand out and checks it exists in both languages.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "domain/ticket_types.hpp"
#include "domain/tickets/flow.hpp"
#include "domain/tickets/news.hpp"

namespace commands {

std::string_view text_id(domain::ticket_kind k);      // "ticket.kind.repair"
std::string_view text_id(domain::ticket_state s);     // "ticket.state.in_progress"
std::string_view text_id(domain::ticket_priority p);  // "priority.urgent"
std::string_view text_id(domain::ticket_category c);  // "category.leak"
// The reporter's confirmation of a new ticket: a repair's names its fix time, the others' do not.
std::string_view created_text_id(domain::ticket_kind k);

// What an action is called in texts; empty where it has no such text (timers' actions are never
// a command's reply, and only some actions are news to the reporter).
struct action_texts {
  std::string_view verb;              // in refusals: "cannot {action} #12"
  std::string_view done;              // the command's reply to whoever did it
  std::string_view done_anonymous;    // instead of `done` on an anonymous ticket (no owner to confirm)
  std::string_view notify;            // what the reporter hears
  std::string_view notify_anonymous;  // instead of `notify`, for an anonymous writer
};
const action_texts& texts_of(domain::tickets::ticket_action a);

// A history row's action ("take", "dispatch", "escalate_again"); none for a word this build
// does not know (a row written by a newer version).
std::optional<std::string_view> event_text_id(std::string_view event);
std::string_view visit_text_id(domain::visit_result v);   // "ticket.visit.satisfied"
std::string_view text_id(domain::tickets::staff_news n);  // "ticket.staff.assigned"

// Every id above, for the catalogue test.
std::vector<std::string_view> ticket_text_ids();

}  // namespace commands
