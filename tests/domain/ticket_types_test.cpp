// The ticket vocabulary: every kind, state, priority and category has one text form that reads
// back as itself, and nothing else reads as one (the storage edge and config keys rely on both).
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "domain/ticket_types.hpp"
#include "support/vocabulary_strings.hpp"

namespace {

// to_text then parse gives the value back, the texts are distinct, and near misses are refused.
template <class E, std::size_t N, class Parse>
void round_trips(const std::array<E, N>& all, Parse parse) {
  std::set<std::string> seen;
  for (E value : all) {
    const std::string text(domain::to_text(value));
    INFO(text);
    CHECK_FALSE(text.empty());
    CHECK(seen.insert(text).second);
    REQUIRE(parse(text).has_value());
    CHECK(*parse(text) == value);
    CHECK_FALSE(parse(text + " "));
    CHECK_FALSE(parse("x" + text));
  }
  CHECK_FALSE(parse(""));
  CHECK_FALSE(parse("unknown"));
}

}  // namespace

TEST_CASE("ticket kinds read back from their text", "[domain][tickets]") {
  round_trips(domain::all_ticket_kinds, domain::parse_ticket_kind);
  CHECK(domain::to_text(domain::ticket_kind::complaint) == "complaint");
  CHECK_FALSE(domain::parse_ticket_kind("Repair"));  // one spelling: the stored one
  CHECK_FALSE(domain::parse_ticket_kind("报修"));    // words owners type are parsed by the commands
}

TEST_CASE("ticket states read back from their text", "[domain][tickets]") {
  round_trips(domain::all_ticket_states, domain::parse_ticket_state);
  CHECK(domain::to_text(domain::ticket_state::new_) == "new");
  CHECK(domain::to_text(domain::ticket_state::in_progress) == "in_progress");
  CHECK_FALSE(domain::parse_ticket_state("open"));  // a set of states, not a state
}

TEST_CASE("ticket priorities read back from their text", "[domain][tickets]") {
  round_trips(domain::all_ticket_priorities, domain::parse_ticket_priority);
  CHECK(domain::to_text(domain::ticket_priority::urgent) == "urgent");
}

TEST_CASE("ticket categories read back from their text", "[domain][tickets]") {
  round_trips(domain::all_ticket_categories, domain::parse_ticket_category);
  CHECK(domain::all_ticket_categories.size() == 12);
  CHECK(domain::all_ticket_categories.back() == domain::ticket_category::other);  // listed last
  CHECK(domain::to_text(domain::ticket_category::water_power) == "water_power");
}

TEST_CASE("visit results read back from their text", "[domain][tickets]") {
  round_trips(domain::all_visit_results, domain::parse_visit_result);
  CHECK(domain::to_text(domain::visit_result::unsatisfied) == "unsatisfied");
}

TEST_CASE("open means new, assigned or in progress", "[domain][tickets]") {
  using s = domain::ticket_state;
  std::set<s> open;
  for (s state : domain::all_ticket_states)
    if (domain::is_open(state)) open.insert(state);
  CHECK(open == std::set<s>{s::new_, s::assigned, s::in_progress});
  for (s state : domain::held_ticket_states) CHECK(domain::is_open(state));
  for (s state : domain::all_ticket_states)
    CHECK(domain::is_finished(state) == (state == s::closed || state == s::cancelled));
}

TEST_CASE("a failing comparison of the vocabulary names the words", "[domain][tickets]") {
  CHECK(Catch::Detail::stringify(domain::ticket_state::in_progress) == "in_progress");
  CHECK(Catch::Detail::stringify(domain::ticket_category::water_power) == "water_power");
}
