// Category and priority guessed from what owners write.
#include <catch2/catch.hpp>

#include "domain/tickets/category.hpp"
#include "support/vocabulary_strings.hpp"

TEST_CASE("category and priority from the owner's words", "[category]") {
  CHECK(domain::tickets::guess_category("厨房水管漏水") == domain::ticket_category::leak);
  CHECK(domain::tickets::guess_priority(domain::ticket_category::leak, "厨房水管漏水") ==
        domain::ticket_priority::urgent);
  CHECK(domain::tickets::guess_category("5栋电梯困人了") == domain::ticket_category::elevator);
  CHECK(domain::tickets::guess_priority(domain::ticket_category::elevator, "5栋电梯困人了") ==
        domain::ticket_priority::urgent);
  CHECK(domain::tickets::guess_category("电梯异响") == domain::ticket_category::elevator);
  CHECK(domain::tickets::guess_priority(domain::ticket_category::elevator, "电梯异响") ==
        domain::ticket_priority::normal);
  CHECK(domain::tickets::guess_category("楼道灯不亮") == domain::ticket_category::lighting);
  CHECK(domain::tickets::guess_category("Kitchen pipe LEAKING") == domain::ticket_category::leak);
  CHECK(domain::tickets::guess_category("隔壁装修太吵") == domain::ticket_category::noise);
  CHECK(domain::tickets::guess_category("说不清楚") == domain::ticket_category::other);
}

TEST_CASE("fire words make a ticket urgent, 火 in other words does not", "[category]") {
  for (const char* urgent : {"楼道着火了", "3栋火灾", "地下车库起火", "配电箱冒烟", "火警铃一直响"}) {
    INFO(urgent);
    CHECK(domain::tickets::guess_priority(domain::tickets::guess_category(urgent), urgent) ==
          domain::ticket_priority::urgent);
  }
  for (const char* normal : {"楼下火锅店油烟太大", "火车太吵了", "物业这态度让人火大"}) {
    INFO(normal);
    CHECK(domain::tickets::guess_priority(domain::tickets::guess_category(normal), normal) ==
          domain::ticket_priority::normal);
  }
}
