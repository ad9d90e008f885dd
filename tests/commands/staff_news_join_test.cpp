// In a storm, a staff group reads a few messages, not one per ticket: news of tickets that waits
// behind an unsent message of the same chat joins the last waiting one, in order, up to a size
// a platform takes; replies to owners never join.
#include <catch2/catch.hpp>

#include "storage/stores.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

// The ticket ids of the 新工单 news in the messages, in the order they are read.
std::vector<int> ticket_ids_in(const std::vector<testing::sent_message>& sent) {
  std::vector<int> ids;
  for (const auto& m : sent)
    for (std::size_t at = m.body.text.find("新工单 #"); at != std::string::npos;
         at = m.body.text.find("新工单 #", at + 1))
      ids.push_back(std::stoi(m.body.text.substr(at + std::string("新工单 #").size())));
  return ids;
}

}  // namespace

TEST_CASE(
    "tickets reported while the staff group's platform is away arrive as a few joined messages, in order",
    "[tickets][outbox]") {
  test_bot bot;
  bot.add_platform("qq");
  bot.on("qq");
  bot.register_group("维修群", "", "staff");
  bot.on("console").register_group("3栋业主群", "3");
  bot.set_connected("qq", false);  // the staff group's account is offline: its news waits
  for (int i = 0; i < 30; ++i)
    bot.as("业主" + std::to_string(i))
        .in_group("3栋业主群")
        .say("报修 3-2-120" + std::to_string(i % 10) + " 厨房水管漏水，地上全是水");
  // Each owner had their own reply (quoted, with an @): those never join.
  CHECK(bot.db().outbox.count_in_state("sent") == 30);
  const auto waiting = bot.db().outbox.count_in_state("pending");
  CHECK(waiting > 1);
  CHECK(waiting < 10);

  bot.set_connected("qq", true);
  std::vector<testing::sent_message> staff;
  bot.on("qq");
  for (int round = 0; round < 10 && bot.db().outbox.count_in_state("pending") > 0; ++round) {
    bot.clock().advance_ms(5'000);  // the group's pace
    for (auto& m : bot.drain().to(bot.group("维修群"))) staff.push_back(m);
  }
  CHECK(static_cast<std::int64_t>(staff.size()) == waiting);
  std::vector<int> expected;
  for (int id = 1; id <= 30; ++id) expected.push_back(id);
  CHECK(ticket_ids_in(staff) == expected);                       // every ticket, once, in order
  CHECK(ticket_ids_in({staff.front()}) == std::vector<int>{1});  // the first was queued alone
  for (const auto& m : staff) CHECK(m.body.text.size() <= storage::outbox_store::joined_text_limit);
}
