// What the dashboard's CSV downloads read: a period's tickets with who holds them, a vote's ballots
// (who cast them only for an open vote; a secret vote's ballots are choices and nothing else).
// Surveys are read through storage/survey_store.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/stats_store.hpp"

namespace storage {

struct ticket_export {
  std::int64_t id = 0, created_at = 0;
  std::string kind, category, priority, state, building, location, description, reporter, assignee;
  bool anonymous = false;
  std::optional<std::int64_t> first_response_at, resolved_at, closed_at;
  std::optional<int> rating;
  std::string rating_comment;
};

struct vote_head {
  std::int64_t community_id = 0;
  std::string title;
  std::string options;  // JSON array
  bool secret = false;
  std::int64_t ends_at = 0;  // the deadline, or when it was closed before it
};

struct ballot_export {
  std::string choices;               // "0" or "0,2"
  std::string building, unit, room;  // open votes cast for a room
  std::string cast_by;               // open votes
  std::optional<std::int64_t> cast_at;
};

class export_store {
 public:
  explicit export_store(database& db) : db_(db) {}

  void tickets(const period_span& p, const std::function<void(const ticket_export&)>& each);
  std::optional<vote_head> vote(std::int64_t id);
  void ballots(std::int64_t vote_id, bool secret, const std::function<void(const ballot_export&)>& each);

 private:
  database& db_;
};

}  // namespace storage
