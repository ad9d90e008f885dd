// Chats (groups and direct chats) the bot has seen, and which community and building each serves.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/message.hpp"
#include "storage/database.hpp"

namespace storage {

struct chat_row {
  std::int64_t id = 0;
  bot::chat_ref ref;
  std::string title;
  std::int64_t community_id = 0;
  std::optional<std::string> building;
  std::string purpose = "owners";  // owners | staff | managers
  bool registered = false;
  std::optional<std::string> lang;
  bool active = true;
};

class chat_store {
 public:
  explicit chat_store(database& db) : db_(db) {}
  // Records that a chat was heard from; a new chat joins `default_community`.
  chat_row touch(const bot::chat_ref& ref, const std::string& title, std::int64_t default_community,
                 std::int64_t now_ms);
  std::optional<chat_row> get(std::int64_t id);
  std::optional<chat_row> find(const bot::chat_ref& ref);
  void register_to(std::int64_t chat_id, std::int64_t community_id, const std::optional<std::string>& building,
                   const std::string& purpose, std::int64_t by_member, std::int64_t now_ms);
  void set_active(std::int64_t chat_id, bool active);
  // The group's name as the platform told it later (QQ: get_group_info). False for an unknown chat.
  bool set_title(const bot::chat_ref& ref, const std::string& title);
  void touch_member(std::int64_t chat_id, std::int64_t member_id, std::int64_t now_ms);
  std::vector<std::int64_t> members_of(std::int64_t chat_id);  // member ids heard in the chat
  void set_lang(std::int64_t chat_id, const std::optional<std::string>& lang);  // nullopt: follow the command
  // Active groups of a community (of one building when given; whole-community groups included),
  // with the given purpose.
  std::vector<chat_row> groups_of(std::int64_t community_id, const std::optional<std::string>& building,
                                  const std::string& purpose = "owners");

 private:
  chat_row read(SQLite::Statement& q);
  database& db_;
};

}  // namespace storage
