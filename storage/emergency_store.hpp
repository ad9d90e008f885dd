// Emergencies (紧急情况): the broadcast, the groups it went to, progress updates, and who
// acknowledged it where. Deliveries are outbox rows with ref "emergency:<id>" (the first
// broadcast) and "emergency:<id>:<kind>" (updates, reminders, the all-clear).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace storage {

struct emergency_row {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::optional<std::string> building;  // nullopt: the whole community
  std::string template_id;              // "" when staff typed their own title
  std::string title;                    // the typed title when there is no template
  std::string detail;
  std::optional<std::int64_t> started_by;
  std::int64_t started_at = 0;
  std::optional<std::int64_t> closed_at;
  std::string close_note;

  bool open() const { return !closed_at.has_value(); }
};

struct emergency_update_row {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::string kind;  // update | reminder | close
  std::string text;
};

// Households of the roster in one building unit (单元), and how many of them acknowledged.
struct household_ack_count {
  std::string building;
  std::string unit;
  std::int64_t total = 0;
  std::int64_t acked = 0;
};

class emergency_store {
 public:
  explicit emergency_store(database& db) : db_(db) {}
  std::int64_t create(const emergency_row& e);
  std::optional<emergency_row> get(std::int64_t id);
  void close(std::int64_t id, std::int64_t by_member, std::int64_t at, const std::string& note);

  // The groups an emergency went to, many rows per statement (ten thousand groups are one
  // emergency's usual reach: one round trip each on PostgreSQL would take seconds).
  void add_groups(std::int64_t emergency_id, const std::vector<std::int64_t>& chat_ids);
  std::vector<std::int64_t> group_ids(std::int64_t emergency_id);
  // Open emergencies that were sent to a chat, oldest first.
  std::vector<std::int64_t> open_for_chat(std::int64_t chat_id);
  // Open emergencies sent to any group where the member has been heard (for 收到 in private).
  std::vector<std::pair<std::int64_t, std::int64_t>> open_for_member(
      std::int64_t member_id);  // (emergency, chat)

  void add_update(std::int64_t emergency_id, std::optional<std::int64_t> author, const std::string& kind,
                  const std::string& text, std::int64_t at);
  std::vector<emergency_update_row> updates(std::int64_t emergency_id);

  // True when this is the member's first acknowledgement of the emergency.
  bool acknowledge(std::int64_t emergency_id, std::int64_t member_id, std::optional<std::int64_t> chat_id,
                   std::int64_t at);
  std::int64_t ack_count(std::int64_t emergency_id);
  struct ack_row {
    std::int64_t member_id = 0;
    std::int64_t chat_id = 0;  // the group it counts in; 0 when none
  };
  std::vector<ack_row> acks(std::int64_t emergency_id);
  // Roster households of the community (one building when given) by building and unit.
  std::vector<household_ack_count> household_acks(std::int64_t emergency_id, std::int64_t community_id,
                                                  const std::optional<std::string>& building);
  // People heard in the chat who have not acknowledged the emergency, most recently heard first.
  std::vector<std::int64_t> unacknowledged_members(std::int64_t emergency_id, std::int64_t chat_id);

 private:
  emergency_row read(statement& q);
  database& db_;
};

}  // namespace storage
