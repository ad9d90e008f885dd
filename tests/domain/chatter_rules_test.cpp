// Rules that read group chatter, asked directly: what counts as acknowledging an emergency, and
// whether a complaint taken from chat (登记) is a repair to send someone to or a complaint.
#include <catch2/catch.hpp>

#include "domain/broadcast/emergency_acks.hpp"
#include "domain/intent/classifier.hpp"
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

TEST_CASE("the intent model tells a complaint about the service from a repair", "[offers][domain]") {
  const auto& model = domain::intent::builtin_classifier();
  using domain::intent::intent;
  CHECK(model.read("物业态度太差了，打电话没人接").kind == intent::complaint);
  CHECK(model.read("楼上又在装修吵死了").kind == intent::complaint);
  CHECK(model.read("楼道灯坏了好几天").kind == intent::repair);
  const auto trapped = model.read("电梯困人了好久都没人管");
  CHECK(trapped.kind == intent::repair);  // someone at risk: a repair, however angry the words
  CHECK(trapped.endangers_life);
}
