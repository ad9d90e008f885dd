// The groups one emergency reached, recorded many per statement: every group once, whatever the
// count, so reminders and the acknowledgement tally reach each of them.
#include <algorithm>
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/scratch_db.hpp"

TEST_CASE("an emergency records each group it went to, past many rows per statement",
          "[storage][emergency]") {
  storage::database db(testing::scratch_database());
  storage::stores stores(db);
  const auto community = stores.communities.ensure("阳光花园", 1);
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 600; ++i)  // two statements of 256 and 88 single rows
    ids.push_back(stores.chats
                      .touch({"onebot", "10001", bot::chat_kind::group, std::to_string(70000 + i)},
                             "group " + std::to_string(i), community, 1)
                      .id);
  storage::emergency_row e;
  e.community_id = community;
  e.title = "停电";
  e.started_at = 1;
  e.id = stores.emergencies.create(e);
  stores.emergencies.add_groups(e.id, ids);
  stores.emergencies.add_groups(e.id, {ids[0], ids[599]});  // again: nothing doubles

  auto recorded = stores.emergencies.group_ids(e.id);
  std::sort(ids.begin(), ids.end());
  CHECK(recorded == ids);
  CHECK(stores.emergencies.open_for_chat(ids[300]) == std::vector<std::int64_t>{e.id});
}
