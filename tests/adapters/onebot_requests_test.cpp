// Which friend requests and group invitations the bot answers by itself, and how: approve_requests
// on, friends from anyone, invitations only from admins; everything else is left to a person.
#include <catch2/catch.hpp>

#include "adapters/onebot/requests.hpp"

namespace onebot_requests_test {

using namespace adapters::onebot;

namespace {

request_event friend_request() {
  return {"friend", "", "2233445566", "", "u_8f1c2e3d4a5b", "我是3栋的业主"};
}
request_event invitation(std::string from) {
  return {"group", "invite", std::move(from), "880010", "176455", ""};
}

}  // namespace

TEST_CASE("onebot requests: a friend request is approved with its flag", "[onebot]") {
  request_rules rules{true, {"10086"}};
  auto call = answer_request(friend_request(), rules);
  REQUIRE(call);
  CHECK(call->action == "set_friend_add_request");
  CHECK(call->params["flag"] == "u_8f1c2e3d4a5b");
  CHECK(call->params["approve"] == true);
  rules.approve = false;
  CHECK_FALSE(answer_request(friend_request(), rules));
}

TEST_CASE("onebot requests: only an admin's invitation takes the bot into a group", "[onebot]") {
  request_rules rules{true, {"10086"}};
  auto call = answer_request(invitation("10086"), rules);
  REQUIRE(call);
  CHECK(call->action == "set_group_add_request");
  CHECK(call->params["flag"] == "176455");
  CHECK(call->params["sub_type"] == "invite");
  CHECK(call->params["approve"] == true);
  CHECK_FALSE(answer_request(invitation("2233445566"), rules));  // anyone else: left to a person
  auto join = invitation("10086");
  join.sub_type = "add";  // someone asks to join a group the bot administers: not the bot's call
  CHECK_FALSE(answer_request(join, rules));
  rules.approve = false;
  CHECK_FALSE(answer_request(invitation("10086"), rules));
}

}  // namespace onebot_requests_test
