// The audit log of staff, manager and admin actions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace storage {

struct audit_row {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_id;
  std::string action, target, detail;
};

class audit_store {
 public:
  explicit audit_store(database& db) : db_(db) {}
  void record(std::optional<std::int64_t> actor_id, const std::string& action, const std::string& target,
              const std::string& detail, std::int64_t now_ms);
  std::vector<audit_row> recent(int limit);

 private:
  database& db_;
};

}  // namespace storage
