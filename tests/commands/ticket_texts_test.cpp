// Every text id the ticket vocabulary can hand out exists in both catalogues; the ids come from
// tables (commands/ticket_texts), not from reading the sources.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "bot/texts.hpp"
#include "commands/ticket_texts.hpp"

TEST_CASE("every ticket text id exists in Chinese and English", "[texts][tickets]") {
  const auto& t = bot::texts::embedded();
  const auto ids = commands::ticket_text_ids();
  CHECK(ids.size() > 60);
  for (std::string_view id : ids) {
    INFO(id);
    REQUIRE(t.has(id));
    CHECK_FALSE(t.raw(bot::locale::zh_CN, id).empty());
    CHECK_FALSE(t.raw(bot::locale::en_US, id).empty());
  }
}

TEST_CASE("every value of the vocabulary has its own text", "[texts][tickets]") {
  std::set<std::string_view> distinct;
  std::size_t n = 0;
  auto add = [&](std::string_view id) {
    CHECK(distinct.insert(id).second);
    ++n;
  };
  for (auto k : domain::all_ticket_kinds) add(commands::text_id(k));
  for (auto s : domain::all_ticket_states) add(commands::text_id(s));
  for (auto p : domain::all_ticket_priorities) add(commands::text_id(p));
  for (auto c : domain::all_ticket_categories) add(commands::text_id(c));
  CHECK(n == 3 + 6 + 3 + 12);
  // Each id names its value, so a table out of order shows here.
  for (auto c : domain::all_ticket_categories)
    CHECK(commands::text_id(c) == "category." + std::string(domain::to_text(c)));
  for (auto s : domain::all_ticket_states)
    CHECK(commands::text_id(s) == "ticket.state." + std::string(domain::to_text(s)));
}

TEST_CASE("every action has a verb and a history line, and commands' actions a reply", "[texts][tickets]") {
  using a = domain::tickets::ticket_action;
  for (const auto& row : domain::tickets::transitions()) {
    const auto& texts = commands::texts_of(row.action);
    INFO(domain::tickets::action_name(row.action));
    CHECK_FALSE(texts.verb.empty());
    CHECK(commands::event_text_id(domain::tickets::action_name(row.action)).has_value());
    const bool by_timer = row.action == a::auto_close || row.action == a::escalate;
    CHECK(texts.done.empty() == by_timer);
  }
  CHECK(commands::event_text_id("created") == "ticket.action.created");
  CHECK(commands::event_text_id("escalate_again") == "ticket.action.escalate_again");
  CHECK_FALSE(commands::event_text_id("no_such_event"));
  for (auto v : domain::all_visit_results)
    CHECK(commands::visit_text_id(v) == "ticket.visit." + std::string(domain::to_text(v)));
}

TEST_CASE("every piece of staff news the desk sends has its own text", "[texts][tickets]") {
  using n = domain::tickets::staff_news;
  std::set<std::string_view> distinct;
  for (auto news : domain::tickets::all_staff_news) CHECK(distinct.insert(commands::text_id(news)).second);
  CHECK(distinct.size() == 7);
  // The table follows the enum: the first, a middle and the last value name themselves.
  CHECK(commands::text_id(n::assigned) == "ticket.staff.assigned");
  CHECK(commands::text_id(n::urged_pool) == "ticket.staff.urged_pool");
  CHECK(commands::text_id(n::returned) == "ticket.staff.returned");
}

TEST_CASE("every text the state machine builds at run time exists", "[tickets][texts]") {
  const auto& t = bot::texts::embedded();
  using a = domain::tickets::ticket_action;
  for (auto act : {a::take, a::assign, a::transfer, a::start, a::resolve, a::give_back, a::confirm, a::reopen,
                   a::cancel, a::auto_close, a::urge, a::rate, a::visit, a::reply, a::escalate}) {
    std::string name(domain::tickets::action_name(act));
    INFO(name);
    CHECK(t.has("ticket.verb." + name));
    CHECK(t.has("ticket.action." + name));
    if (act != a::auto_close && act != a::escalate) CHECK(t.has("ticket.done." + name));
  }
  for (const char* n : {"take", "assign", "transfer", "start", "resolve", "give_back", "reopen", "cancel",
                        "auto_close", "reply"})
    CHECK(t.has(std::string("ticket.notify.") + n));
  for (const char* e : {"created", "dispatch", "escalate_again"})
    CHECK(t.has(std::string("ticket.action.") + e));
  for (const char* v : {"satisfied", "unsatisfied"}) CHECK(t.has(std::string("ticket.visit.") + v));
  for (const char* p : {"today", "this_week", "last_week", "this_month", "last_month"})
    CHECK(t.has(std::string("period.") + p));
  for (const char* k : {"complaint", "suggestion"}) CHECK(t.has(std::string("ticket.created.") + k));
  // Every row of the table names states the catalogue knows.
  for (const auto& row : domain::tickets::transitions()) {
    for (auto s : row.from) CHECK(t.has("ticket.state." + std::string(domain::to_text(s))));
    if (row.to) CHECK(t.has("ticket.state." + std::string(domain::to_text(*row.to))));
  }
}
