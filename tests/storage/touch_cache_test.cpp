// Chats, members and memberships heard again within a minute are not written again
// (storage/touch_cache), yet what changes them shows at once, and nothing rolled back is trusted.
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/scratch_db.hpp"

namespace touch_cache_test {

const bot::chat_ref group{"onebot", "10001", bot::chat_kind::group, "880001"};

std::int64_t last_seen(storage::database& db, const std::string& table, std::int64_t id) {
  return testing::sql_int(db, "SELECT last_seen_at FROM " + table + " WHERE id = ?", id);
}

TEST_CASE("a chat and a member heard again within a minute are written once, then refreshed", "[storage]") {
  storage::database db(testing::scratch_database());
  storage::stores s(db);
  const std::int64_t home = s.communities.ensure("阳光花园", 0);
  const bot::user_ref owner{"onebot", "20001", "王阿姨"};
  const auto chat = s.chats.touch(group, "业主群", home, 1'000);
  const auto member = s.members.touch(owner, 1'000);
  s.chats.touch(group, "业主群", home, 31'000);
  s.members.touch(owner, 31'000);
  CHECK(last_seen(db, "chats", chat.id) == 1'000);
  CHECK(last_seen(db, "members", member.id) == 1'000);
  s.chats.touch(group, "业主群", home, 61'000);
  s.members.touch(owner, 61'000);
  CHECK(last_seen(db, "chats", chat.id) == 61'000);
  CHECK(last_seen(db, "members", member.id) == 61'000);
}

TEST_CASE("a new name, title or registration shows at once", "[storage]") {
  storage::database db(testing::scratch_database());
  storage::stores s(db);
  const std::int64_t home = s.communities.ensure("阳光花园", 0);
  auto chat = s.chats.touch(group, "业主群", home, 1'000);
  CHECK(s.members.touch({"onebot", "20001", "王阿姨"}, 1'000).display_name == "王阿姨");
  CHECK(s.members.touch({"onebot", "20001", "3栋 王阿姨"}, 2'000).display_name == "3栋 王阿姨");
  CHECK(s.chats.touch(group, "3栋业主群", home, 2'000).title == "3栋业主群");
  const std::int64_t community = s.communities.ensure("阳光花园二期", 2'000);
  s.chats.register_to(chat.id, community, std::string("3"), "owners", 0, 2'000);
  chat = s.chats.touch(group, "3栋业主群", home, 3'000);
  CHECK(chat.community_id == community);
  CHECK(chat.registered);
  s.chats.set_active(chat.id, false);  // the bot left; a message from there means it is back
  CHECK(s.chats.touch(group, "3栋业主群", home, 4'000).active);
}

TEST_CASE("nothing written by a transaction that rolled back is remembered", "[storage]") {
  storage::database db(testing::scratch_database());
  storage::stores s(db);
  const std::int64_t home = s.communities.ensure("阳光花园", 0);
  const bot::user_ref owner{"onebot", "20001", "王阿姨"};
  {
    storage::transaction t(db);
    s.chats.touch(group, "业主群", home, 1'000);
    s.members.touch(owner, 1'000);
    t.rollback();
  }
  const auto chat = s.chats.touch(group, "业主群", home, 2'000);
  const auto member = s.members.touch(owner, 2'000);
  REQUIRE(s.chats.get(chat.id));  // the row exists: not the id of the rolled-back insert taken on trust
  REQUIRE(s.members.get(member.id));
  s.chats.touch_member(chat.id, member.id, 2'000);
  CHECK(s.chats.members_of(chat.id) == std::vector<std::int64_t>{member.id});
}

}  // namespace touch_cache_test
