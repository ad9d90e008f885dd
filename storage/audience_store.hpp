// Who an announcement about a kind of problem reaches: the owners who reported tickets of that
// category (never anonymous writers).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace storage {

class audience_store {
 public:
  explicit audience_store(database& db) : db_(db) {}
  std::vector<std::int64_t> reporters_of(std::int64_t community_id, const std::string& category);

 private:
  database& db_;
};

}  // namespace storage
