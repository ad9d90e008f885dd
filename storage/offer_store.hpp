// Offers to register group chat that reads like a repair or complaint ("3栋电梯又坏了"), and the
// groups where managers switched such offers off.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace storage {

struct offer_row {
  std::int64_t id = 0;
  std::int64_t chat_id = 0;
  std::int64_t member_id = 0;
  std::string message_id;
  std::string text;
  std::int64_t offered_at = 0;
  std::optional<std::int64_t> ticket_id;
};

class offer_store {
 public:
  explicit offer_store(database& db) : db_(db) {}
  std::int64_t add(const offer_row& o);
  std::optional<std::int64_t> last_offer_at(std::int64_t member_id);  // in any chat
  // The newest offer to a member in a chat that was not taken yet and was made after `since`.
  std::optional<offer_row> open_offer(std::int64_t chat_id, std::int64_t member_id, std::int64_t since_ms);
  void taken(std::int64_t offer_id, std::int64_t ticket_id);

  bool switched_off(std::int64_t chat_id);
  void switch_off(std::int64_t chat_id, std::int64_t by_member, std::int64_t now_ms);
  void switch_on(std::int64_t chat_id);

 private:
  database& db_;
};

}  // namespace storage
