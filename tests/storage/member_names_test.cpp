// The name a member is known by: on QQ the group card colleagues see, kept when the same person
// later shows only their nickname (a group without a card, a private chat); either name finds them.
#include <catch2/catch.hpp>

#include "storage/database.hpp"
#include "storage/stores.hpp"
#include "support/scratch_db.hpp"

namespace {

struct stored_names {
  storage::database db{testing::scratch_database()};
  storage::stores s{db};
  int clock = 0;

  std::string seen(const std::string& id, const std::string& name, const std::string& nickname,
                   const std::string& platform = "onebot") {
    return s.members.touch({platform, id, name, nickname}, ++clock).display_name;
  }
  std::vector<std::string> found(const std::string& name, const std::string& platform = "onebot") {
    std::vector<std::string> ids;
    for (const auto& m : s.members.find_by_name(platform, name)) ids.push_back(m.user_id);
    return ids;
  }
};

}  // namespace

TEST_CASE("a QQ group card is the display name, the nickname does not replace it", "[storage]") {
  stored_names n;
  CHECK(n.seen("2200334455", "王师傅", "老王") == "王师傅");  // the staff group shows his card
  CHECK(n.seen("2200334455", "老王", "老王") == "王师傅");    // an owners' group without a card
  CHECK(n.seen("2200334455", "老王", "老王") == "王师傅");    // a private chat shows only the nickname
  CHECK(n.found("王师傅") == std::vector<std::string>{"2200334455"});
  CHECK(n.found("老王") == std::vector<std::string>{"2200334455"});  // typed nicknames find him too
  CHECK(n.seen("2200334455", "王工", "老王") == "王工");             // a new card replaces the old one
  CHECK(n.found("王师傅").empty());
}

TEST_CASE("a member known only by nickname follows a new nickname", "[storage]") {
  stored_names n;
  CHECK(n.seen("1912345678", "小李", "小李") == "小李");
  CHECK(n.seen("1912345678", "李四", "李四") == "李四");
  CHECK(n.found("小李").empty());
  CHECK(n.seen("1912345678", "", "") == "李四");  // no name at all (a join notice) changes nothing
}

TEST_CASE("platforms without nicknames keep the last name they showed", "[storage]") {
  stored_names n;
  CHECK(n.seen("wxid_wang", "王阿姨", "", "wechat") == "王阿姨");
  CHECK(n.seen("wxid_wang", "3栋王阿姨", "", "wechat") == "3栋王阿姨");
  CHECK(n.found("3栋王阿姨", "wechat") == std::vector<std::string>{"wxid_wang"});
}
