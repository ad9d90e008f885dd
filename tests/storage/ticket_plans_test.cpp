// 逾期工单 and the lists of open tickets read the open-ticket indexes (migration 16): overdue with
// no sort, lists of a building from that place's open tickets, so closed history costs nothing;
// and what they return is what they returned before — overdue longest first, open lists by the
// deadline that matters next.
#include <sqlite3.h>

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include "storage/database.hpp"
#include "storage/stores.hpp"
#include "storage/ticket_deadlines_sql.hpp"
#include "storage/vocabulary_sql.hpp"

namespace ticket_plans_test {
namespace {

using domain::ticket_state;

constexpr std::int64_t hour = 3'600'000;

struct desk {
  storage::database db{":memory:"};
  storage::stores s{db};
  std::int64_t community = s.communities.ensure("阳光花园", 0);

  std::int64_t add(ticket_state state, std::int64_t created, std::optional<std::int64_t> due,
                   std::optional<std::int64_t> fix_due, std::optional<std::int64_t> responded = std::nullopt,
                   std::string building = "3") {
    storage::ticket_row t;
    t.community_id = community;
    t.category = domain::ticket_category::water_power;
    t.state = state;
    t.description = "水管漏水";
    t.building = std::move(building);
    t.created_at = created;
    t.due_at = due;
    t.resolve_due_at = fix_due;
    t.id = s.tickets.create(t);
    if (responded) {  // a ticket is created unanswered; the response comes later
      t.first_response_at = responded;
      s.tickets.update(t);
    }
    return t.id;
  }
};

// The SQL texts the store runs while `f` runs, captured through SQLite's own trace.
std::vector<std::string> statements_of(storage::database& db, const std::function<void()>& f) {
  std::vector<std::string> seen;
  sqlite3_trace_v2(
      db.raw().getHandle(), SQLITE_TRACE_STMT,
      [](unsigned, void* ctx, void* stmt, void*) {
        const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(stmt));
        if (sql) static_cast<std::vector<std::string>*>(ctx)->emplace_back(sql);
        return 0;
      },
      &seen);
  f();
  sqlite3_trace_v2(db.raw().getHandle(), 0, nullptr, nullptr);
  return seen;
}

std::string plan_of(storage::database& db, const std::string& sql) {
  SQLite::Statement q(db.raw(), "EXPLAIN QUERY PLAN " + sql);
  std::string plan;
  while (q.executeStep()) plan += q.getColumn(3).getString() + "\n";
  return plan;
}

std::string plan_of_ticket_query(desk& d, const std::function<void()>& f) {
  for (const auto& sql : statements_of(d.db, f))
    if (sql.find("FROM tickets") != std::string::npos) return plan_of(d.db, sql);
  return "no tickets query";
}

}  // namespace

TEST_CASE("the open-ticket indexes list the states the domain calls open", "[storage][tickets]") {
  CHECK(storage::sql_in(domain::open_ticket_states) == storage::open_states_literal);
}

TEST_CASE("逾期工单 and open lists read the open-ticket indexes, without a sort or a table scan",
          "[storage][tickets]") {
  desk d;
  for (int i = 0; i < 50; ++i)
    d.add(i % 2 ? ticket_state::closed : ticket_state::new_, i * hour, i * hour + hour, i * hour + 72 * hour);
  const std::string overdue =
      plan_of_ticket_query(d, [&] { (void)d.s.tickets.overdue(d.community, 100 * hour, 20); });
  INFO(overdue);
  CHECK(overdue.find("tickets_open_by_deadline") != std::string::npos);
  CHECK(overdue.find("TEMP B-TREE") == std::string::npos);
  storage::ticket_filter open;
  open.community_id = d.community;
  open.states = {ticket_state::new_};
  open.building = "3";
  open.category = domain::ticket_category::water_power;
  // 工单列表 待处理 3栋 水电: the open tickets of that place, then sorted (a handful).
  const std::string list = plan_of_ticket_query(d, [&] { (void)d.s.tickets.list(open); });
  INFO(list);
  CHECK(list.find("USING INDEX tickets_open_by_place") != std::string::npos);
  const std::string count = plan_of_ticket_query(d, [&] { (void)d.s.tickets.count(open); });
  INFO(count);
  CHECK(count.find("tickets_open_by_place") != std::string::npos);
  // 工单列表 待处理 alone: by state, never a walk through the whole table.
  storage::ticket_filter pending;
  pending.community_id = d.community;
  pending.states = {ticket_state::new_};
  const std::string all_open = plan_of_ticket_query(d, [&] { (void)d.s.tickets.list(pending); });
  INFO(all_open);
  CHECK(all_open.find("SCAN tickets") == std::string::npos);
}

TEST_CASE("overdue tickets come longest overdue first, open or responded-but-unfixed, never closed",
          "[storage][tickets]") {
  desk d;
  const std::int64_t now = 100 * hour;
  const auto late_response = d.add(ticket_state::new_, 0, 10 * hour, 80 * hour);
  const auto late_fix = d.add(ticket_state::in_progress, 0, 2 * hour, 50 * hour, 1 * hour);
  const auto fix_before_response = d.add(ticket_state::new_, 0, 90 * hour, 5 * hour);
  d.add(ticket_state::assigned, 0, 200 * hour, 300 * hour);             // not due yet
  d.add(ticket_state::in_progress, 0, 2 * hour, 300 * hour, 1 * hour);  // responded in time, fix not due
  d.add(ticket_state::closed, 0, 1 * hour, 2 * hour);                   // closed: never overdue
  d.add(ticket_state::new_, 0, std::nullopt, std::nullopt);             // no deadlines at all
  const auto rows = d.s.tickets.overdue(d.community, now, 20);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].id == fix_before_response);  // overdue since 5 h
  CHECK(rows[1].id == late_response);        // since 10 h
  CHECK(rows[2].id == late_fix);             // since 50 h
  CHECK(d.s.tickets.overdue(d.community, now, 2).size() == 2);
}

TEST_CASE("an open list comes by the deadline that matters next, filtered and counted",
          "[storage][tickets]") {
  desk d;
  const auto later = d.add(ticket_state::new_, 1 * hour, 30 * hour, 90 * hour);
  const auto sooner = d.add(ticket_state::new_, 2 * hour, 20 * hour, 90 * hour);
  const auto responded =
      d.add(ticket_state::assigned, 0, 5 * hour, 25 * hour, 1 * hour);  // next: the fix at 25 h
  d.add(ticket_state::new_, 0, 1 * hour, 2 * hour, std::nullopt, "5");  // another building
  d.add(ticket_state::closed, 0, 1 * hour, 2 * hour);
  storage::ticket_filter f;
  f.community_id = d.community;
  f.states = {ticket_state::new_, ticket_state::assigned, ticket_state::in_progress};
  f.building = "3";
  const auto rows = d.s.tickets.list(f);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].id == sooner);
  CHECK(rows[1].id == responded);
  CHECK(rows[2].id == later);
  CHECK(d.s.tickets.count(f) == 3);
  f.states = {};  // any state: open first, then the rest
  CHECK(d.s.tickets.list(f).size() == 4);
  CHECK((d.s.tickets.list(f).back().state == ticket_state::closed));
}

}  // namespace ticket_plans_test
