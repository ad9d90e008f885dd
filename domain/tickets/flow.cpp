#include "domain/tickets/flow.hpp"

#include <algorithm>

namespace domain::tickets {
namespace {

using a = ticket_action;
using s = domain::ticket_state;
constexpr unsigned owner_side = party::reporter;
constexpr unsigned handler_side = party::assignee | party::manager;

bool contains(const std::vector<s>& states, s state) {
  return std::find(states.begin(), states.end(), state) != states.end();
}

// The open states, as a `from` list.
std::vector<s> open() {
  return {domain::open_ticket_states.begin(), domain::open_ticket_states.end()};
}

// Why an action does not fit the ticket's state, told as the next step where there is one.
std::string wrong_state(ticket_action act, const storage::ticket_row& t) {
  if (domain::is_finished(t.state)) return "ticket.flow.finished";
  switch (act) {
    case a::take:
      return "ticket.flow.already_taken";
    case a::start:
    case a::resolve:
    case a::give_back:
    case a::transfer:
      return t.state == s::new_ ? "ticket.flow.not_taken" : "ticket.flow.wrong_state";
    case a::confirm:
    case a::rate:
    case a::reopen:
    case a::visit:
      return "ticket.flow.not_resolved";
    default:
      return "ticket.flow.wrong_state";
  }
}

std::string wrong_party(const transition& row) {
  if (row.parties == owner_side) return "ticket.flow.reporter_only";
  if (row.parties & party::assignee) return "ticket.flow.not_assignee";
  if (row.parties == party::manager || row.parties == (party::manager | party::reporter))
    return "ticket.flow.manager_only";
  return "ticket.flow.not_allowed";
}

}  // namespace

const std::vector<transition>& transitions() {
  static const std::vector<transition> table = {
      {a::take, {s::new_}, s::assigned, party::staff},
      {a::take, {s::assigned}, std::nullopt, party::assignee},  // acknowledging a dispatched ticket
      {a::assign, open(), s::assigned, party::manager},
      {a::transfer, {s::assigned, s::in_progress}, s::assigned, handler_side},
      {a::start, {s::assigned}, s::in_progress, handler_side},
      {a::resolve, {s::assigned, s::in_progress}, s::resolved, handler_side},
      {a::give_back, {s::assigned, s::in_progress}, s::new_, handler_side},
      {a::confirm, {s::resolved}, s::closed, owner_side},
      {a::reopen, {s::resolved}, s::assigned, owner_side | party::manager},
      {a::cancel, open(), s::cancelled, owner_side | party::manager},
      {a::auto_close, {s::resolved}, s::closed, party::system},
      {a::urge, open(), std::nullopt, owner_side},
      {a::rate, {s::resolved}, s::closed, owner_side},
      {a::rate, {s::closed}, std::nullopt, owner_side},
      {a::visit, {s::resolved, s::closed}, std::nullopt, party::manager},
      {a::reply, {s::new_, s::assigned, s::in_progress, s::resolved}, std::nullopt, party::staff},
      {a::escalate, open(), std::nullopt, party::system},
  };
  return table;
}

std::string_view action_name(ticket_action act) {
  switch (act) {
    case a::take:
      return "take";
    case a::assign:
      return "assign";
    case a::transfer:
      return "transfer";
    case a::start:
      return "start";
    case a::resolve:
      return "resolve";
    case a::give_back:
      return "give_back";
    case a::confirm:
      return "confirm";
    case a::reopen:
      return "reopen";
    case a::cancel:
      return "cancel";
    case a::auto_close:
      return "auto_close";
    case a::urge:
      return "urge";
    case a::rate:
      return "rate";
    case a::visit:
      return "visit";
    case a::reply:
      return "reply";
    case a::escalate:
      return "escalate";
  }
  return "unknown";
}

verdict check(ticket_action act, const storage::ticket_row& t, unsigned parties, const guard_facts& facts) {
  verdict v;
  const transition* state_fits = nullptr;
  for (const auto& row : transitions()) {
    if (row.action != act || !contains(row.from, t.state)) continue;
    if (!state_fits) state_fits = &row;
    if (row.parties & parties) {
      v.allowed = &row;
      break;
    }
  }
  if (!state_fits) {
    v.refusal = wrong_state(act, t);
    return v;
  }
  if (!v.allowed) {
    // "接单" on a ticket someone else holds is about the state, not about who asks.
    v.refusal = act == a::take ? "ticket.flow.already_taken" : wrong_party(*state_fits);
    return v;
  }
  // Guards: conditions beyond state and party.
  switch (act) {
    case a::take:
      if (t.state == s::new_ && facts.manual_dispatch && !(parties & party::manager))
        v.refusal = "ticket.flow.manual_dispatch";
      break;
    case a::urge:
      if (t.urged_at && facts.now_ms - *t.urged_at < facts.urge_interval_ms) {
        v.refusal = "ticket.flow.urged_recently";
        v.wait_ms = *t.urged_at + facts.urge_interval_ms - facts.now_ms;
      }
      break;
    case a::rate:
      if (t.rating) v.refusal = "ticket.flow.rated_already";
      break;
    default:
      break;
  }
  if (!v.refusal.empty()) v.allowed = nullptr;
  return v;
}

}  // namespace domain::tickets
