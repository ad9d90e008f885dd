// Inbound idempotency: which (platform, account, message id) were already processed.
#pragma once
#include <cstdint>
#include <string>

#include "storage/database.hpp"

namespace storage {

class inbound_store {
 public:
  explicit inbound_store(database& db) : db_(db) {}
  // True the first time a key is seen; false for a repeated delivery.
  bool remember(const std::string& platform, const std::string& account, const std::string& message_key,
                std::int64_t now_ms);
  int prune(std::int64_t older_than_ms);

 private:
  database& db_;
};

}  // namespace storage
