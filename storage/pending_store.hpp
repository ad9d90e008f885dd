// Commands held for a confirmation: the words of a broadcast a staff member typed without "/",
// kept until they send 确认发送 (or a newer one replaces it).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace storage {

class pending_store {
 public:
  explicit pending_store(database& db) : db_(db) {}
  void hold(std::int64_t chat_id, std::int64_t member_id, const std::string& body, std::int64_t now_ms);
  // The held words if they were held after `since_ms`; taking them forgets them either way.
  std::optional<std::string> take(std::int64_t chat_id, std::int64_t member_id, std::int64_t since_ms);

 private:
  database& db_;
};

}  // namespace storage
