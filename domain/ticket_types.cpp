#include "domain/ticket_types.hpp"

#include <algorithm>
#include <utility>

namespace domain {
namespace {

template <class E, std::size_t N>
using words = std::array<std::pair<E, std::string_view>, N>;

constexpr words<ticket_kind, 3> kind_words{{
    {ticket_kind::repair, "repair"},
    {ticket_kind::complaint, "complaint"},
    {ticket_kind::suggestion, "suggestion"},
}};

constexpr words<ticket_state, 6> state_words{{
    {ticket_state::new_, "new"},
    {ticket_state::assigned, "assigned"},
    {ticket_state::in_progress, "in_progress"},
    {ticket_state::resolved, "resolved"},
    {ticket_state::closed, "closed"},
    {ticket_state::cancelled, "cancelled"},
}};

constexpr words<ticket_priority, 3> priority_words{{
    {ticket_priority::urgent, "urgent"},
    {ticket_priority::normal, "normal"},
    {ticket_priority::minor, "minor"},
}};

constexpr words<ticket_category, 12> category_words{{
    {ticket_category::water_power, "water_power"},
    {ticket_category::leak, "leak"},
    {ticket_category::elevator, "elevator"},
    {ticket_category::access, "access"},
    {ticket_category::lighting, "lighting"},
    {ticket_category::greening, "greening"},
    {ticket_category::sanitation, "sanitation"},
    {ticket_category::security, "security"},
    {ticket_category::noise, "noise"},
    {ticket_category::parking, "parking"},
    {ticket_category::fees, "fees"},
    {ticket_category::other, "other"},
}};

constexpr words<visit_result, 2> visit_words{{
    {visit_result::satisfied, "satisfied"},
    {visit_result::unsatisfied, "unsatisfied"},
}};

// Every table names every value once, in declaration order, so a value indexes its own word.
template <class E, std::size_t N>
constexpr bool complete(const words<E, N>& table) {
  for (std::size_t i = 0; i < N; ++i)
    if (static_cast<std::size_t>(table[i].first) != i) return false;
  return true;
}
static_assert(complete(kind_words) && complete(state_words) && complete(priority_words) &&
              complete(category_words) && complete(visit_words));

template <class E, std::size_t N>
std::string_view word_of(const words<E, N>& table, E value) {
  return table[static_cast<std::size_t>(value)].second;
}

template <class E, std::size_t N>
std::optional<E> value_of(const words<E, N>& table, std::string_view text) {
  for (const auto& [value, word] : table)
    if (word == text) return value;
  return std::nullopt;
}

}  // namespace

bool is_open(ticket_state s) {
  return std::find(open_ticket_states.begin(), open_ticket_states.end(), s) != open_ticket_states.end();
}

bool is_finished(ticket_state s) {
  return s == ticket_state::closed || s == ticket_state::cancelled;
}

std::string_view to_text(ticket_kind k) {
  return word_of(kind_words, k);
}
std::string_view to_text(ticket_state s) {
  return word_of(state_words, s);
}
std::string_view to_text(ticket_priority p) {
  return word_of(priority_words, p);
}
std::string_view to_text(ticket_category c) {
  return word_of(category_words, c);
}
std::string_view to_text(visit_result v) {
  return word_of(visit_words, v);
}

std::optional<ticket_kind> parse_ticket_kind(std::string_view text) {
  return value_of(kind_words, text);
}
std::optional<ticket_state> parse_ticket_state(std::string_view text) {
  return value_of(state_words, text);
}
std::optional<ticket_priority> parse_ticket_priority(std::string_view text) {
  return value_of(priority_words, text);
}
std::optional<ticket_category> parse_ticket_category(std::string_view text) {
  return value_of(category_words, text);
}
std::optional<visit_result> parse_visit_result(std::string_view text) {
  return value_of(visit_words, text);
}

}  // namespace domain
