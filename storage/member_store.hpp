// People the bot has heard from, and the roles granted to them in chat.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/message.hpp"
#include "bot/role.hpp"
#include "storage/database.hpp"

namespace storage {

struct member_row {
  std::int64_t id = 0;
  std::string platform;
  std::string user_id;
  std::string display_name;
};

class member_store {
 public:
  explicit member_store(database& db) : db_(db) {}
  // Creates the member or refreshes the name. The name others see is the one shown in groups (a QQ
  // group card): a name heard in a direct chat (a QQ nickname) only fills in when none is known.
  member_row touch(const bot::user_ref& user, std::int64_t now_ms, bool name_from_group = true);
  std::optional<member_row> get(std::int64_t id);
  std::optional<member_row> find(const std::string& platform, const std::string& user_id);
  // Finds a member of a platform by display name (for "@王师傅" in commands).
  std::vector<member_row> find_by_name(const std::string& platform, const std::string& name);

  std::optional<bot::role> granted_role(std::int64_t member_id, std::int64_t community_id);
  void grant(std::int64_t member_id, std::int64_t community_id, bot::role r, std::int64_t by, std::int64_t now_ms);
  void revoke(std::int64_t member_id, std::int64_t community_id);
  std::vector<member_row> with_role(std::int64_t community_id, bot::role r);

 private:
  member_row read(SQLite::Statement& q);
  database& db_;
};

}  // namespace storage
