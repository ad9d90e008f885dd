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

// 维修群 (the staff group) on qq, whose account is offline so that its news waits; 3栋业主群 on the
// console. Messages said next come from the console.
void staff_group_away(test_bot& bot) {
  bot.add_platform("qq");
  bot.on("qq");
  bot.register_group("维修群", "", "staff");
  bot.on("console").register_group("3栋业主群", "3");
  bot.set_connected("qq", false);
}

// The qq account back: everything waiting goes out at the group's pace. What 维修群 received.
std::vector<testing::sent_message> back_online(test_bot& bot) {
  bot.set_connected("qq", true);
  bot.on("qq");
  std::vector<testing::sent_message> staff;
  for (int round = 0; round < 10 && bot.db().outbox.count_in_state("pending") > 0; ++round) {
    bot.clock().advance_ms(5'000);
    for (auto& m : bot.drain().to(bot.group("维修群"))) staff.push_back(m);
  }
  return staff;
}

}  // namespace

TEST_CASE(
    "tickets reported while the staff group's platform is away arrive as a few joined messages, in order",
    "[tickets][outbox]") {
  test_bot bot;
  staff_group_away(bot);
  for (int i = 0; i < 30; ++i)
    bot.as("业主" + std::to_string(i))
        .in_group("3栋业主群")
        .say("报修 3-2-120" + std::to_string(i % 10) + " 厨房水管漏水，地上全是水");
  // Each owner had their own reply (quoted, with an @): those never join.
  CHECK(bot.db().outbox.count_in_state("sent") == 30);
  const auto waiting = bot.db().outbox.count_in_state("pending");
  CHECK(waiting > 1);
  CHECK(waiting < 10);

  const auto staff = back_online(bot);
  CHECK(static_cast<std::int64_t>(staff.size()) == waiting);
  std::vector<int> expected;
  for (int id = 1; id <= 30; ++id) expected.push_back(id);
  CHECK(ticket_ids_in(staff) == expected);                       // every ticket, once, in order
  CHECK(ticket_ids_in({staff.front()}) == std::vector<int>{1});  // the first was queued alone
  for (const auto& m : staff) CHECK(m.body.text.size() <= storage::outbox_store::joined_text_limit);
}

TEST_CASE("news does not join a message queued more than ten minutes before it", "[tickets][outbox]") {
  test_bot bot;
  staff_group_away(bot);
  auto report = [&](int i) {
    bot.as("业主" + std::to_string(i))
        .in_group("3栋业主群")
        .say("报修 3-2-120" + std::to_string(i) + " 楼道灯不亮");
  };
  bot.on("qq");
  const auto staff_group = bot.group("维修群");
  auto waiting = [&] {
    auto q = bot.core().database.query(
        "SELECT count(*) FROM outbox WHERE state = 'pending' AND chat_id = ? AND body LIKE '%新工单%'");
    q.bind(1, staff_group.id);
    q.executeStep();
    return q.getColumn(0).getInt64();
  };
  for (int i = 1; i <= 3; ++i) report(i);
  CHECK(waiting() == 2);  // #1 alone, #2 and #3 together
  bot.clock().advance_ms(storage::outbox_store::join_window_ms + 60'000);
  report(4);
  CHECK(waiting() == 3);  // news from 11 minutes later goes alone

  std::vector<std::vector<int>> messages;
  for (const auto& m : back_online(bot))
    if (auto ids = ticket_ids_in({m}); !ids.empty()) messages.push_back(ids);  // not the outage's own alert
  CHECK(messages == std::vector<std::vector<int>>{{1}, {2, 3}, {4}});
}
