// Rules that read group chatter, asked directly: what counts as acknowledging an emergency, and
// whether a complaint taken from chat (登记) is a repair to send someone to or a complaint.
#include <catch2/catch.hpp>

#include "domain/broadcast/emergency_acks.hpp"
#include "domain/tickets/intake.hpp"
#include "support/vocabulary_strings.hpp"

TEST_CASE("an everyday 收到 acknowledges an emergency, a question does not", "[emergency][ack][domain]") {
  using domain::broadcast::reads_like_ack;
  for (const char* ack : {"收到", "收到了", "好的收到", "知道了", "已阅", " Got it ", "noted"}) {
    INFO(ack);
    CHECK(reads_like_ack(ack));
  }
  for (const char* not_ack :
       {"没收到通知", "收到了吗？", "收到了吗?", "不知道", "", "好的收到，请问大概什么时候能恢复供水呢"}) {
    INFO(not_ack);
    CHECK_FALSE(reads_like_ack(not_ack));
  }
}

TEST_CASE("a complaint taken from chat is a repair when someone is at risk", "[offers][domain]") {
  using domain::tickets::offered_kind;
  CHECK(offered_kind("物业态度太差了") == domain::ticket_kind::complaint);
  CHECK(offered_kind("电梯困人了好久都没人管") == domain::ticket_kind::repair);  // trapped: urgent
  CHECK(offered_kind("厨房漏水没人修") == domain::ticket_kind::repair);          // a leak: urgent
  CHECK(offered_kind("楼道灯坏了好几天") == domain::ticket_kind::repair);
}
