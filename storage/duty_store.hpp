// Staff duty: who is on duty in a community and which ticket categories they serve, and when
// each was last given a ticket (round-robin dispatch picks the one who waited longest).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/ticket_types.hpp"
#include "storage/database.hpp"

namespace storage {

struct duty_row {
  std::int64_t member_id = 0;
  std::string display_name;
  bool on_duty = false;
  std::vector<domain::ticket_category> categories;  // empty: every category
  std::int64_t last_assigned_at = 0;
};

class duty_store {
 public:
  explicit duty_store(database& db) : db_(db) {}
  // On or off duty; `categories` replaces the served categories when given.
  void set(std::int64_t member_id, std::int64_t community_id, bool on_duty,
           const std::optional<std::vector<domain::ticket_category>>& categories, std::int64_t now_ms);
  std::optional<duty_row> get(std::int64_t member_id, std::int64_t community_id);
  // Staff on duty who serve `category`, the longest-waiting first.
  std::vector<duty_row> candidates(std::int64_t community_id, domain::ticket_category category);
  std::vector<duty_row> on_duty(std::int64_t community_id);
  void assigned(std::int64_t member_id, std::int64_t community_id, std::int64_t now_ms);

 private:
  duty_row read(statement& q);
  database& db_;
};

}  // namespace storage
