// People the bot has heard from, and the roles granted to them in chat.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/message.hpp"
#include "bot/role.hpp"
#include "storage/database.hpp"
#include "storage/touch_cache.hpp"

namespace storage {

struct member_row {
  std::int64_t id = 0;
  std::string platform;
  std::string user_id;
  std::string display_name;
};

class member_store {
 public:
  explicit member_store(database& db) : db_(db), touched_(db) {}
  // Creates the member or refreshes the name. Where the platform has per-group names (QQ group
  // cards) beside the account's nickname, the display name is the one colleagues see in groups: a
  // card is kept when the person later shows only their nickname (a group without a card, a
  // private chat), and a nickname replaces only a display name that was their old nickname.
  // The same names again within a minute write nothing (storage/touch_cache).
  member_row touch(const bot::user_ref& user, std::int64_t now_ms);
  std::optional<member_row> get(std::int64_t id);
  std::optional<member_row> find(const std::string& platform, const std::string& user_id);
  // Finds a member of a platform by display name or nickname (for "@王师傅" in commands).
  std::vector<member_row> find_by_name(const std::string& platform, const std::string& name);

  std::optional<bot::role> granted_role(std::int64_t member_id, std::int64_t community_id);
  void grant(std::int64_t member_id, std::int64_t community_id, bot::role r, std::int64_t by,
             std::int64_t now_ms);
  void revoke(std::int64_t member_id, std::int64_t community_id);
  std::vector<member_row> with_role(std::int64_t community_id, bot::role r);

 private:
  member_row read(statement& q);
  database& db_;
  touch_cache<member_row> touched_;
};

}  // namespace storage
