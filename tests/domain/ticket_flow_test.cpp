// The state machine asked directly: which action may move a ticket from which state, for whom,
// and what it refuses.
#include <catch2/catch.hpp>

#include "domain/tickets/flow.hpp"
#include "support/vocabulary_strings.hpp"

TEST_CASE("the transition table, asked directly", "[tickets][flow]") {
  using a = domain::tickets::ticket_action;
  namespace p = domain::tickets;
  storage::ticket_row t;
  t.id = 7;
  auto ask = [&](a act, std::string_view state, unsigned parties, domain::tickets::guard_facts f = {}) {
    t.state = domain::parse_ticket_state(state).value();
    return domain::tickets::check(act, t, parties, f);
  };
  CHECK(ask(a::take, "new", p::staff).allowed->to == domain::ticket_state::assigned);
  CHECK_FALSE(ask(a::take, "assigned", p::staff | p::assignee).allowed->to);  // acknowledgement
  CHECK(ask(a::take, "assigned", p::staff).refusal == "ticket.flow.already_taken");
  CHECK(ask(a::take, "new", p::staff, {0, 0, true}).refusal == "ticket.flow.manual_dispatch");
  CHECK(ask(a::take, "new", p::staff | p::manager, {0, 0, true}).allowed);
  CHECK(ask(a::assign, "new", p::staff).refusal == "ticket.flow.manager_only");
  CHECK(ask(a::start, "new", p::staff).refusal == "ticket.flow.not_taken");
  CHECK(ask(a::resolve, "in_progress", p::staff).refusal == "ticket.flow.not_assignee");
  CHECK(ask(a::resolve, "in_progress", p::staff | p::manager).allowed->to == domain::ticket_state::resolved);
  CHECK(ask(a::confirm, "resolved", p::staff | p::manager).refusal == "ticket.flow.reporter_only");
  CHECK(ask(a::confirm, "in_progress", p::reporter).refusal == "ticket.flow.not_resolved");
  CHECK(ask(a::reopen, "resolved", p::reporter).allowed->to == domain::ticket_state::assigned);
  CHECK(ask(a::reopen, "closed", p::reporter).refusal == "ticket.flow.finished");
  CHECK(ask(a::rate, "resolved", p::reporter).allowed->to == domain::ticket_state::closed);
  CHECK_FALSE(ask(a::rate, "closed", p::reporter).allowed->to);
  t.rating = 4;
  CHECK(ask(a::rate, "closed", p::reporter).refusal == "ticket.flow.rated_already");
  CHECK(ask(a::auto_close, "resolved", p::reporter | p::staff).refusal == "ticket.flow.not_allowed");
  CHECK(ask(a::auto_close, "resolved", p::system).allowed);
  t.urged_at = 1'000;
  auto v = ask(a::urge, "assigned", p::reporter, {1'000 + 20 * 60'000, 60 * 60'000, false});
  CHECK(v.refusal == "ticket.flow.urged_recently");
  CHECK(v.wait_ms == 40 * 60'000);
  CHECK(ask(a::urge, "assigned", p::reporter, {1'000 + 60 * 60'000, 60 * 60'000, false}).allowed);
  CHECK(ask(a::cancel, "cancelled", p::manager).refusal == "ticket.flow.finished");
}
