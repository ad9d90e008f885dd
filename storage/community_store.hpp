// Communities (小区): created from config at start-up, or by an admin registering a group.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/database.hpp"

namespace storage {

class community_store {
 public:
  explicit community_store(database& db) : db_(db) {}
  std::int64_t ensure(const std::string& name, std::int64_t now_ms);  // id, created if missing
  std::optional<std::int64_t> find(const std::string& name);
  std::string name_of(std::int64_t id);
  std::vector<std::pair<std::int64_t, std::string>> all();  // by id

 private:
  database& db_;
};

}  // namespace storage
