// Staff visits to buildings (服务专员走访), and the tickets waiting for their return visit (回访).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace storage {

struct visit_row {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string building, unit, room;
  std::string note;
  std::optional<std::int64_t> staff_id;
  std::int64_t visited_at = 0;
  std::optional<std::int64_t> ticket_id;
};

class visit_store {
 public:
  explicit visit_store(database& db) : db_(db) {}

  std::int64_t record(const visit_row& v);
  void link_ticket(std::int64_t visit_id, std::int64_t ticket_id);
  // Visits in [from, to), oldest first.
  std::vector<visit_row> between(std::int64_t community_id, std::int64_t from, std::int64_t to);
  // The buildings the roster knows, in order.
  std::vector<std::string> buildings(std::int64_t community_id);
  // Resolved or closed tickets with a reporter and no return visit yet, the longest waiting first;
  // not those staff opened from a visit (there is nobody to call back).
  std::vector<std::int64_t> awaiting_return_visit(std::int64_t community_id, int limit);

 private:
  database& db_;
};

}  // namespace storage
