// The ticket vocabulary as types: kind, state, priority, category and a visit's result. Each value has one
// text form — the word the database, the config keys and the text ids use ("in_progress") — and it is
// converted only at the storage edge (storage/ticket_store), in config keys and in texts
// (commands/ticket_texts). Everything in between compares enums, so a typo does not compile.
#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace domain {

enum class ticket_kind { repair, complaint, suggestion };

enum class ticket_state {
  new_,  // "new" (a C++ keyword): nobody has taken it yet
  assigned,
  in_progress,
  resolved,
  closed,
  cancelled,
};

enum class ticket_priority { urgent, normal, minor };

// A fixed set: the keyword rules, the texts and the config tables all know every id.
enum class ticket_category {
  water_power,
  leak,
  elevator,
  access,
  lighting,
  greening,
  sanitation,
  security,
  noise,
  parking,
  fees,
  other,
};

// A manager's return visit (回访) to the reporter of a finished ticket.
enum class visit_result { satisfied, unsatisfied };

// Every value, in the order lists and help show them (categories: "other" last).
inline constexpr std::array all_ticket_kinds{ticket_kind::repair, ticket_kind::complaint,
                                             ticket_kind::suggestion};
inline constexpr std::array all_ticket_states{ticket_state::new_,        ticket_state::assigned,
                                              ticket_state::in_progress, ticket_state::resolved,
                                              ticket_state::closed,      ticket_state::cancelled};
inline constexpr std::array all_ticket_priorities{ticket_priority::urgent, ticket_priority::normal,
                                                  ticket_priority::minor};
inline constexpr std::array all_ticket_categories{
    ticket_category::water_power, ticket_category::leak,     ticket_category::elevator,
    ticket_category::access,      ticket_category::lighting, ticket_category::greening,
    ticket_category::sanitation,  ticket_category::security, ticket_category::noise,
    ticket_category::parking,     ticket_category::fees,     ticket_category::other};

inline constexpr std::array all_visit_results{visit_result::satisfied, visit_result::unsatisfied};

// The states in which someone still owes the reporter something: the one list of them (lists,
// statistics, overdue checks and the state machine all read it).
inline constexpr std::array open_ticket_states{ticket_state::new_, ticket_state::assigned,
                                               ticket_state::in_progress};
// Open and taken by someone: a staff member's own work list.
inline constexpr std::array held_ticket_states{ticket_state::assigned, ticket_state::in_progress};
bool is_open(ticket_state s);
// Closed or cancelled: nothing more can happen to it but a late rating or visit record.
bool is_finished(ticket_state s);

std::string_view to_text(ticket_kind k);
std::string_view to_text(ticket_state s);
std::string_view to_text(ticket_priority p);
std::string_view to_text(ticket_category c);
std::string_view to_text(visit_result v);

// The inverse of to_text, and nothing else: no other spelling, no other language.
std::optional<ticket_kind> parse_ticket_kind(std::string_view text);
std::optional<ticket_state> parse_ticket_state(std::string_view text);
std::optional<ticket_priority> parse_ticket_priority(std::string_view text);
std::optional<ticket_category> parse_ticket_category(std::string_view text);
std::optional<visit_result> parse_visit_result(std::string_view text);

}  // namespace domain
