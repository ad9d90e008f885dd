// What the dashboard's CSV downloads read: a period's tickets with who holds them, a vote's ballots
// (who cast them only for an open vote; a secret vote's ballots are choices and nothing else), a
// survey's per-item counts and its comments (never linked to anyone: they have no owner column).
#pragma once
#include <array>
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

struct survey_head {
  std::int64_t community_id = 0;
  std::string title;
  std::int64_t deadline = 0;
};

struct survey_item_counts {
  std::string name_zh, name_en;
  std::int64_t skipped = 0;
  std::array<std::int64_t, 5> scores{};  // how many gave 1 … 5
};

class export_store {
 public:
  explicit export_store(database& db) : db_(db) {}

  void tickets(const period_span& p, const std::function<void(const ticket_export&)>& each);
  std::optional<vote_head> vote(std::int64_t id);
  void ballots(std::int64_t vote_id, bool secret, const std::function<void(const ballot_export&)>& each);
  std::optional<survey_head> survey(std::int64_t id);
  std::vector<survey_item_counts> survey_items(std::int64_t survey_id);
  std::vector<std::string> survey_comments(std::int64_t survey_id);  // in no telling order

 private:
  database& db_;
};

}  // namespace storage
