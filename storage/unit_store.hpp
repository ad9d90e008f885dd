// The owner roster (units with area, owner name and the phone's last digits) and owners' bindings
// of their chat accounts to units.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace storage {

struct unit_row {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string building, unit, room;
  std::int64_t area_centi = 0;  // 0.01 m²
  std::string owner_name;
  std::string phone_tail;
};

class unit_store {
 public:
  explicit unit_store(database& db) : db_(db) {}
  // Inserts or updates by (community, building, unit, room); returns the id.
  std::int64_t upsert(const unit_row& u);
  std::optional<unit_row> find(std::int64_t community_id, const std::string& building,
                               const std::string& unit, const std::string& room);
  std::optional<unit_row> get(std::int64_t id);
  std::int64_t count(std::int64_t community_id);
  // Every room of a community, or of one building of it, in roster order.
  std::vector<unit_row> in_community(std::int64_t community_id, const std::optional<std::string>& building);

  bool bind(std::int64_t unit_id, std::int64_t member_id, const std::string& method, std::int64_t now_ms);
  std::vector<unit_row> units_of(std::int64_t member_id);
  std::vector<std::int64_t> members_bound(std::int64_t unit_id);  // who bound the room (co-owners)

  void record_bind_failure(std::int64_t member_id, std::int64_t now_ms);
  int bind_failures_since(std::int64_t member_id, std::int64_t since_ms);

 private:
  unit_row read(statement& q);
  database& db_;
};

}  // namespace storage
