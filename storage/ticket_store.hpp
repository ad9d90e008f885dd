// Tickets (repairs, complaints, suggestions), their event history and photos, and the queries the
// service desk needs: a staff member's open tickets, filtered lists, overdue tickets, statistics.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/ticket_types.hpp"
#include "storage/database.hpp"

namespace storage {

struct ticket_row {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  domain::ticket_kind kind = domain::ticket_kind::repair;
  domain::ticket_category category = domain::ticket_category::other;
  domain::ticket_priority priority = domain::ticket_priority::normal;
  domain::ticket_state state = domain::ticket_state::new_;
  std::string description;
  std::string location;  // as typed; staff only
  std::optional<std::string> building;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> reporter_id;  // none when anonymous
  std::optional<std::int64_t> origin_chat;
  std::string origin_message_id;
  std::optional<std::int64_t> assignee_id;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> due_at;          // first response due
  std::optional<std::int64_t> resolve_due_at;  // fixed due
  std::optional<std::int64_t> first_response_at, resolved_at, closed_at;
  std::optional<int> rating;
  std::string rating_comment;
  int escalation = 0;  // how often managers were told it is overdue
  std::optional<std::int64_t> escalated_at;
  std::optional<std::int64_t> urged_at;
  std::optional<domain::visit_result> visit_result;
  std::optional<std::int64_t> visited_at;
  bool anonymous = false;
  std::optional<std::string> lang;  // zh-CN | en-US: how the reporter wrote
};

struct ticket_event_row {
  std::int64_t id = 0;
  std::int64_t ticket_id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_id;
  std::string actor_name;  // joined from members, for display
  std::string action;
  std::optional<domain::ticket_state> from_state, to_state;  // none when the state stayed
  std::string note;
};

struct ticket_filter {
  std::int64_t community_id = 0;
  std::vector<domain::ticket_state> states;  // empty: any
  std::optional<std::string> building;
  std::optional<domain::ticket_category> category;
  std::optional<domain::ticket_kind> kind;
  std::optional<std::int64_t> assignee_id;
  int limit = 20;
};

struct ticket_stats {
  std::int64_t created = 0, repairs = 0, complaints = 0, suggestions = 0;
  std::int64_t resolved = 0, closed = 0, cancelled = 0, open = 0;
  std::int64_t responded = 0, response_ms_total = 0;  // tickets with a first response, and the sum
  std::int64_t fixed = 0, fix_ms_total = 0;           // tickets resolved, and the sum of their times
  std::int64_t late_response = 0, late_fix = 0;       // SLA breaches (late or still overdue)
  std::int64_t rated = 0, rating_total = 0;
  std::int64_t visits_satisfied = 0, visits_unsatisfied = 0;
};

class ticket_store {
 public:
  explicit ticket_store(database& db) : db_(db) {}
  std::int64_t create(const ticket_row& t);  // returns the new id
  std::optional<ticket_row> get(std::int64_t id);
  // Writes every field that can change after creation (state, people, times, rating, visit).
  void update(const ticket_row& t);
  std::vector<ticket_row> by_reporter(std::int64_t member_id, int limit);
  std::int64_t count_by_reporter(std::int64_t member_id);
  std::int64_t add_event(const ticket_event_row& e);  // returns the event id
  std::vector<ticket_event_row> events(std::int64_t ticket_id);
  void add_image(std::int64_t ticket_id, const std::string& reference, std::int64_t now_ms);
  std::vector<std::string> images(std::int64_t ticket_id);

  // Open tickets assigned to a member, the most pressing due time first.
  std::vector<ticket_row> open_for_assignee(std::int64_t member_id, std::int64_t community_id, int limit);
  // Unassigned new tickets of a community, oldest first.
  std::vector<ticket_row> pool(std::int64_t community_id, int limit);
  std::vector<ticket_row> list(const ticket_filter& f);
  std::int64_t count(const ticket_filter& f);
  // Open tickets past their response or fix due time, longest overdue first.
  std::vector<ticket_row> overdue(std::int64_t community_id, std::int64_t now_ms, int limit);
  // Escalation events of a community after event `after_id`, oldest first: (event id, ticket id).
  std::vector<std::pair<std::int64_t, std::int64_t>> escalations_since(std::int64_t community_id,
                                                                       std::int64_t after_id);
  // Tickets created in [from, to).
  ticket_stats stats(std::int64_t community_id, std::int64_t from_ms, std::int64_t to_ms,
                     std::int64_t now_ms);

 private:
  ticket_row read(statement& q);
  std::vector<ticket_row> read_all(statement& q);
  database& db_;
};

}  // namespace storage
