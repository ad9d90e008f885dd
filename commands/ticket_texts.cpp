#include "commands/ticket_texts.hpp"

#include <array>
#include <utility>

namespace commands {

using domain::tickets::ticket_action;

namespace {

using domain::ticket_category;
using domain::ticket_kind;
using domain::ticket_priority;
using domain::ticket_state;

// Indexed by the enum's value: the static_asserts below keep each table in declaration order.
constexpr std::array<std::string_view, 3> kind_texts{"ticket.kind.repair", "ticket.kind.complaint",
                                                     "ticket.kind.suggestion"};
constexpr std::array<std::string_view, 3> created_texts{"cmd.repair.report.done", "ticket.created.complaint",
                                                        "ticket.created.suggestion"};
constexpr std::array<std::string_view, 6> state_texts{"ticket.state.new",         "ticket.state.assigned",
                                                      "ticket.state.in_progress", "ticket.state.resolved",
                                                      "ticket.state.closed",      "ticket.state.cancelled"};
constexpr std::array<std::string_view, 3> priority_texts{"priority.urgent", "priority.normal",
                                                         "priority.minor"};
constexpr std::array<std::string_view, 12> category_texts{
    "category.water_power", "category.leak",     "category.elevator",   "category.access",
    "category.lighting",    "category.greening", "category.sanitation", "category.security",
    "category.noise",       "category.parking",  "category.fees",       "category.other"};

static_assert(kind_texts.size() == domain::all_ticket_kinds.size());
static_assert(state_texts.size() == domain::all_ticket_states.size());
static_assert(priority_texts.size() == domain::all_ticket_priorities.size());
static_assert(category_texts.size() == domain::all_ticket_categories.size());

using a = ticket_action;
constexpr std::array<std::pair<ticket_action, action_texts>, 15> action_table{{
    {a::take, {"ticket.verb.take", "ticket.done.take", {}, "ticket.notify.take", {}}},
    {a::assign, {"ticket.verb.assign", "ticket.done.assign", {}, "ticket.notify.assign", {}}},
    {a::transfer, {"ticket.verb.transfer", "ticket.done.transfer", {}, "ticket.notify.transfer", {}}},
    {a::start, {"ticket.verb.start", "ticket.done.start", {}, "ticket.notify.start", {}}},
    {a::resolve,
     {"ticket.verb.resolve", "ticket.done.resolve", "ticket.done.resolve_anonymous", "ticket.notify.resolve",
      "ticket.notify.resolve_anonymous"}},
    {a::give_back, {"ticket.verb.give_back", "ticket.done.give_back", {}, "ticket.notify.give_back", {}}},
    {a::confirm, {"ticket.verb.confirm", "ticket.done.confirm", {}, {}, {}}},
    {a::reopen, {"ticket.verb.reopen", "ticket.done.reopen", {}, "ticket.notify.reopen", {}}},
    {a::cancel, {"ticket.verb.cancel", "ticket.done.cancel", {}, "ticket.notify.cancel", {}}},
    {a::auto_close,
     {"ticket.verb.auto_close", {}, {}, "ticket.notify.auto_close", "ticket.notify.auto_close_anonymous"}},
    {a::urge, {"ticket.verb.urge", "ticket.done.urge", {}, {}, {}}},
    {a::rate, {"ticket.verb.rate", "ticket.done.rate", {}, {}, {}}},
    {a::visit, {"ticket.verb.visit", "ticket.done.visit", {}, {}, {}}},
    {a::reply, {"ticket.verb.reply", "ticket.done.reply", {}, "ticket.notify.reply", {}}},
    {a::escalate, {"ticket.verb.escalate", {}, {}, {}, {}}},
}};

constexpr bool in_order() {
  for (std::size_t i = 0; i < action_table.size(); ++i)
    if (static_cast<std::size_t>(action_table[i].first) != i) return false;
  return true;
}
static_assert(in_order());

// History rows name the action that wrote them, plus what only history knows.
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> event_table{{
    {"created", "ticket.action.created"},
    {"dispatch", "ticket.action.dispatch"},
    {"take", "ticket.action.take"},
    {"assign", "ticket.action.assign"},
    {"transfer", "ticket.action.transfer"},
    {"start", "ticket.action.start"},
    {"resolve", "ticket.action.resolve"},
    {"give_back", "ticket.action.give_back"},
    {"confirm", "ticket.action.confirm"},
    {"reopen", "ticket.action.reopen"},
    {"cancel", "ticket.action.cancel"},
    {"auto_close", "ticket.action.auto_close"},
    {"urge", "ticket.action.urge"},
    {"rate", "ticket.action.rate"},
    {"visit", "ticket.action.visit"},
    {"reply", "ticket.action.reply"},
    {"escalate", "ticket.action.escalate"},
    {"escalate_again", "ticket.action.escalate_again"},
}};

constexpr std::array<std::string_view, 2> visit_texts{"ticket.visit.satisfied", "ticket.visit.unsatisfied"};
static_assert(visit_texts.size() == domain::all_visit_results.size());

constexpr std::array<std::string_view, 7> staff_news_texts{
    "ticket.staff.assigned",   "ticket.staff.reopened", "ticket.staff.cancelled", "ticket.staff.urged",
    "ticket.staff.urged_pool", "ticket.staff.rated",    "ticket.staff.returned"};
static_assert(staff_news_texts.size() == std::size(domain::tickets::all_staff_news));

template <std::size_t N>
std::optional<std::string_view> lookup(
    const std::array<std::pair<std::string_view, std::string_view>, N>& table, std::string_view key) {
  for (const auto& [word, id] : table)
    if (word == key) return id;
  return std::nullopt;
}

}  // namespace

std::string_view text_id(ticket_kind k) {
  return kind_texts[static_cast<std::size_t>(k)];
}
std::string_view text_id(ticket_state s) {
  return state_texts[static_cast<std::size_t>(s)];
}
std::string_view text_id(ticket_priority p) {
  return priority_texts[static_cast<std::size_t>(p)];
}
std::string_view text_id(ticket_category c) {
  return category_texts[static_cast<std::size_t>(c)];
}
std::string_view created_text_id(ticket_kind k) {
  return created_texts[static_cast<std::size_t>(k)];
}

const action_texts& texts_of(ticket_action act) {
  return action_table[static_cast<std::size_t>(act)].second;
}

std::optional<std::string_view> event_text_id(std::string_view event) {
  return lookup(event_table, event);
}
std::string_view visit_text_id(domain::visit_result v) {
  return visit_texts[static_cast<std::size_t>(v)];
}

std::string_view text_id(domain::tickets::staff_news n) {
  return staff_news_texts[static_cast<std::size_t>(n)];
}

std::vector<std::string_view> ticket_text_ids() {
  std::vector<std::string_view> out;
  for (const auto* table : {&kind_texts, &created_texts}) out.insert(out.end(), table->begin(), table->end());
  out.insert(out.end(), state_texts.begin(), state_texts.end());
  out.insert(out.end(), priority_texts.begin(), priority_texts.end());
  out.insert(out.end(), category_texts.begin(), category_texts.end());
  for (const auto& [act, t] : action_table)
    for (std::string_view id : {t.verb, t.done, t.done_anonymous, t.notify, t.notify_anonymous})
      if (!id.empty()) out.push_back(id);
  for (const auto& [word, id] : event_table) out.push_back(id);
  out.insert(out.end(), visit_texts.begin(), visit_texts.end());
  out.insert(out.end(), staff_news_texts.begin(), staff_news_texts.end());
  return out;
}

}  // namespace commands
