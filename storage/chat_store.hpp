// Chats (groups and direct chats) the bot has seen, and which community and building each serves.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/message.hpp"
#include "storage/database.hpp"
#include "storage/member_store.hpp"
#include "storage/touch_cache.hpp"

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
  explicit chat_store(database& db) : db_(db), touched_(db), heard_(db) {}
  // Records that a chat was heard from; a new chat joins `default_community`. Heard again with the
  // same account and title within a minute, nothing is written (last_seen_at is that stale at most).
  chat_row touch(const bot::chat_ref& ref, const std::string& title, std::int64_t default_community,
                 std::int64_t now_ms);
  std::optional<chat_row> get(std::int64_t id);
  std::optional<chat_row> find(const bot::chat_ref& ref);
  // by_member 0: declared in the config (a chat the bot only posts to).
  void register_to(std::int64_t chat_id, std::int64_t community_id,
                   const std::optional<std::string>& building, const std::string& purpose,
                   std::int64_t by_member, std::int64_t now_ms);
  void set_active(std::int64_t chat_id, bool active);
  // The group's name as the platform told it later (QQ: get_group_info). False for an unknown chat.
  bool set_title(const bot::chat_ref& ref, const std::string& title);
  void touch_member(std::int64_t chat_id, std::int64_t member_id, std::int64_t now_ms);
  // A member's direct chat, on the bot account of the chat where they were heard last (their own
  // direct chat or a group): OneBot can send only through an account that knows them.
  bot::chat_ref direct_chat_of(const member_row& m);
  std::vector<std::int64_t> members_of(std::int64_t chat_id);  // member ids heard in the chat
  void set_lang(std::int64_t chat_id, const std::optional<std::string>& lang);  // nullopt: follow the command
  // Active groups an admin registered to a community (绑定小区), of one building when given
  // (whole-community groups included), with the given purpose. A group the bot merely heard is
  // never a target: the bot account sits in groups nobody registered.
  std::vector<chat_row> groups_of(std::int64_t community_id, const std::optional<std::string>& building,
                                  const std::string& purpose = "owners");
  // The communities whose registered, active chats are served by this bot account.
  std::vector<std::int64_t> communities_on(const std::string& platform, const std::string& account);

 private:
  chat_row read(statement& q);
  database& db_;
  touch_cache<chat_row> touched_;
  touch_cache<bool> heard_;  // chat_members rows touched lately
};

}  // namespace storage
