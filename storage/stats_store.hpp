// The reads behind 统计 and the managers' digest, over tickets created in a period [from, to) of a
// community, and the other records of the period (notices, emergencies, visits, votes, surveys).
// Each is one indexed query; figures that need every value (percentiles) get the values.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace storage {

struct period_span {
  std::int64_t community_id = 0;
  std::int64_t from = 0, to = 0;
};

// One ticket of the period as the figures need it.
struct ticket_times {
  std::optional<std::int64_t> assignee_id;
  std::optional<std::int64_t> response_ms;  // first response − creation
  std::optional<std::int64_t> fix_ms;       // resolution − creation
  bool late_response = false, late_fix = false;
  std::optional<int> rating;
  bool resolved = false;  // resolved or closed
};

struct ticket_mention {
  std::int64_t id = 0;
  std::string category;
  std::optional<int> rating;
};

struct period_activity {
  std::int64_t notices = 0;
  std::int64_t emergencies = 0, emergency_acks = 0;
  std::int64_t visits = 0, buildings_visited = 0, buildings = 0;
  std::int64_t votes = 0;
  std::int64_t surveys = 0;
};

class stats_store {
 public:
  explicit stats_store(database& db) : db_(db) {}

  std::vector<ticket_times> times(const period_span& p, std::int64_t now_ms);
  // Categories by tickets, most first, at most `limit`.
  std::vector<std::pair<std::string, std::int64_t>> categories(const period_span& p, int limit);
  std::vector<std::pair<std::string, std::int64_t>> buildings(const period_span& p, int limit);
  // The newest descriptions of a category in the period, at most `limit`.
  std::vector<std::string> descriptions(const period_span& p, const std::string& category, int limit);
  std::int64_t complaints(const period_span& p);  // as many as the report's kind count says
  period_activity activity(const period_span& p);

  // For the digest: tickets escalated, and rated 1–2 stars, within the period (any creation time).
  std::vector<ticket_mention> escalated(const period_span& p, int limit);
  std::vector<ticket_mention> rated_low(const period_span& p, int limit);
  std::int64_t resolved_within(const period_span& p);  // tickets resolved in the period
  std::int64_t open_now(std::int64_t community_id);
  std::int64_t overdue_now(std::int64_t community_id, std::int64_t now_ms);
  std::vector<std::int64_t> open_emergencies(std::int64_t community_id);
  // Communities with an active registered managers' group (where the digest goes).
  std::vector<std::int64_t> communities_with_managers();

 private:
  database& db_;
};

}  // namespace storage
