// Tickets (repairs, complaints, suggestions) and their event history.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace storage {

struct ticket_row {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string kind;      // repair | complaint | suggestion
  std::string category;  // category id, e.g. "leak"
  std::string priority;  // urgent | normal | minor
  std::string state;     // new | assigned | in_progress | resolved | closed | cancelled
  std::string description;
  std::string location;  // as typed; staff only
  std::optional<std::string> building;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> reporter_id;
  std::optional<std::int64_t> origin_chat;
  std::string origin_message_id;
  std::optional<std::int64_t> assignee_id;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> due_at;
  std::optional<std::int64_t> first_response_at, resolved_at, closed_at;
  std::optional<int> rating;
  std::string rating_comment;
};

struct ticket_event_row {
  std::int64_t id = 0;
  std::int64_t ticket_id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_id;
  std::string actor_name;  // joined from members, for display
  std::string action;
  std::string from_state, to_state;
  std::string note;
};

class ticket_store {
 public:
  explicit ticket_store(database& db) : db_(db) {}
  std::int64_t create(const ticket_row& t);  // returns the new id
  std::optional<ticket_row> get(std::int64_t id);
  std::vector<ticket_row> by_reporter(std::int64_t member_id, int limit);
  std::int64_t count_by_reporter(std::int64_t member_id);
  void set_state(std::int64_t id, const std::string& state);
  void add_event(const ticket_event_row& e);
  std::vector<ticket_event_row> events(std::int64_t ticket_id);
  void add_image(std::int64_t ticket_id, const std::string& reference, std::int64_t now_ms);
  std::vector<std::string> images(std::int64_t ticket_id);

 private:
  ticket_row read(SQLite::Statement& q);
  database& db_;
};

}  // namespace storage
