// People on QQ, through the real app and a fake OneBot client over a real reverse WebSocket: a QQ @
// picked from the member list names a colleague by QQ number whatever name it shows (go-cqhttp's
// bare [CQ:at,qq=...], NapCat's nickname that differs from the group card); the name others see
// (the group card) is what typed names find, even after a private chat that only shows the
// nickname; friend requests and admins' group invitations are approved; group names are looked up
// once per group, one at a time, without holding up replies.
#include <SQLiteCpp/Database.h>

#include "support/onebot_harness.hpp"
#include "support/scratch_db.hpp"

using nlohmann::json;
namespace onebot_people_test {

using namespace testing::onebot;

namespace {

constexpr std::int64_t owners = 880001, staff_group = 880009;
constexpr std::int64_t manager = 10086, wang = 2200334455, li = 1912345678, owner = 20002;

const std::string roles = R"([roles]
admins = ["onebot:10086"]
managers = ["onebot:10086"]
staff = ["onebot:2200334455", "onebot:1912345678"]
)";

json with_sender(json e, const std::string& card, const std::string& nickname) {
  e["sender"]["card"] = card;
  e["sender"]["nickname"] = nickname;
  return e;
}

json segments_message(std::int64_t id, std::int64_t group, std::int64_t user, json segments) {
  json e = group_message(id, group, user, "");
  e["message"] = std::move(segments);
  e["raw_message"] = "";
  return e;
}

json private_message(std::int64_t id, std::int64_t user, const std::string& text,
                     const std::string& nickname) {
  json e = group_message(id, 0, user, text, nickname);
  e["message_type"] = "private";
  e["sub_type"] = "friend";
  e.erase("group_id");
  e["sender"] = {{"user_id", user}, {"nickname", nickname}};
  return e;
}

json text_seg(const std::string& t) {
  return {{"type", "text"}, {"data", {{"text", t}}}};
}
json at_seg(std::int64_t qq, const std::string& name) {
  json data{{"qq", std::to_string(qq)}};
  if (!name.empty()) data["name"] = name;
  return {{"type", "at"}, {"data", data}};
}

std::string assignee_of(harness& h, int ticket) {
  return testing::sql_text(
      h.service->state().database,
      fmt::format("SELECT coalesce((SELECT m.user_id FROM tickets t JOIN members m ON m.id = t.assignee_id "
                  "WHERE t.id = {}), '')",
                  ticket));
}

// Every text the bot sent into a chat since call number `from`.
std::string said(const testing::fake_ws_client& c, std::size_t from, std::int64_t group) {
  std::string out;
  for (std::size_t i = from; i < c.calls.size(); ++i)
    if (c.calls[i]["params"].value("group_id", json()) == group) out += text_of(c.calls[i]) + "\n";
  return out;
}

}  // namespace

TEST_CASE("loopback onebot: 派单 and 转单 with a real QQ @ resolve the colleague by QQ number",
          "[loopback][onebot]") {
  harness h(false, roles);
  auto qq = h.connect();
  h.say(*qq, group_message(1, owners, owner, "报修 3-2-1201 厨房水管漏水"));
  // 王师傅 speaks in the staff group (card 王师傅, nickname 老王), then privately (nickname only).
  h.say(*qq, with_sender(group_message(2, staff_group, wang, "待办"), "王师傅", "老王"));
  h.say(*qq, private_message(3, wang, "我是谁", "老王"));
  // 李师傅 (card 李师傅, nickname li_repair) too.
  h.say(*qq, with_sender(group_message(4, staff_group, li, "待办"), "李师傅", "li_repair"));
  h.settle(*qq);

  SECTION("go-cqhttp: [CQ:at,qq=...] carries no name, only the QQ number") {
    std::size_t from = qq->calls.size();
    json e = with_sender(group_message(5, staff_group, manager, ""), "物业 经理", "manager_chen");
    e["message"] = "派单 1 [CQ:at,qq=2200334455] 今天下午去";
    e["raw_message"] = e["message"];
    h.say(*qq, e);
    h.settle(*qq);
    CHECK(assignee_of(h, 1) == std::to_string(wang));
    auto staff = said(*qq, from, staff_group);
    CHECK(staff.find("已把工单 #1 派给王师傅") != std::string::npos);  // the name others see, not 老王
    CHECK(staff.find("不认识") == std::string::npos);

    SECTION("NapCat: the @ shows the nickname, the bot knows the group card") {
      from = qq->calls.size();
      h.say(*qq, with_sender(segments_message(6, staff_group, wang,
                                              json::array({text_seg("转单 1 "), at_seg(li, "li_repair"),
                                                           text_seg(" 我今天在5栋")})),
                             "王师傅", "老王"));
      h.settle(*qq);
      CHECK(assignee_of(h, 1) == std::to_string(li));
      staff = said(*qq, from, staff_group);
      CHECK(staff.find("已把工单 #1 转给李师傅") != std::string::npos);
      CHECK(said(*qq, from, owners).find("已转给李师傅") != std::string::npos);

      SECTION("a name typed by hand finds the group card, not the nickname of a private chat") {
        h.say(*qq, private_message(8, wang, "待办", "老王"));  // a private chat shows only the nickname
        h.settle(*qq);
        from = qq->calls.size();
        h.say(*qq, with_sender(group_message(7, staff_group, manager, "转单 1 @王师傅"), "物业 经理",
                               "manager_chen"));
        h.settle(*qq);
        CHECK(assignee_of(h, 1) == std::to_string(wang));
        CHECK(said(*qq, from, staff_group).find("已把工单 #1 转给王师傅") != std::string::npos);
      }
    }
  }
}

TEST_CASE("loopback onebot: a colleague the bot never heard is found by QQ number when the config lists them",
          "[loopback][onebot]") {
  harness h(false, "[roles]\nmanagers = [\"onebot:10086\"]\nstaff = [\"onebot:1800000001\"]\n");
  auto c = h.connect();
  h.say(*c, group_message(1, owners, owner, "报修 3-2-1201 厨房水管漏水"));
  h.say(*c, segments_message(2, staff_group, manager,
                             json::array({text_seg("派单 1 "), at_seg(1800000001, "赵 师傅")})));
  h.say(*c, segments_message(3, staff_group, manager,
                             json::array({text_seg("派单 1 "), at_seg(2233445566, "")})));
  h.settle(*c);
  CHECK(assignee_of(h, 1) == "1800000001");
  auto staff = said(*c, 0, staff_group);
  CHECK(staff.find("已把工单 #1 派给赵 师傅") != std::string::npos);  // a card with a space is one name
  CHECK(staff.find("不认识“2233445566”") != std::string::npos);       // a stranger is still refused
}

TEST_CASE("loopback onebot: friend requests and admins' group invitations are approved, others left alone",
          "[loopback][onebot]") {
  auto request = [](const std::string& type, const std::string& sub_type, std::int64_t user,
                    const std::string& flag) {
    json e{{"time", 1764548800},   {"self_id", 3889001234LL}, {"post_type", "request"},
           {"request_type", type}, {"user_id", user},         {"comment", "我是3栋的业主"},
           {"flag", flag}};
    if (type == "group") {
      e["sub_type"] = sub_type;
      e["group_id"] = 880010;
    }
    return e;
  };
  SECTION("on by default") {
    harness h(false, roles);
    auto qq = h.connect();
    qq->send(request("friend", "", owner, "u_friend_1"));
    qq->send(request("friend", "", owner, "u_friend_1"));  // go-cqhttp's retry of the same event
    qq->send(request("group", "invite", owner, "g_invite_owner"));
    qq->send(request("group", "add", owner, "g_add_owner"));
    qq->send(request("group", "invite", manager, "g_invite_admin"));
    qq->send(group_message(9, owners, owner, "我的工单"));  // a barrier: its reply comes after the answers
    REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 3; }));
    CHECK(qq->calls[0]["action"] == "set_friend_add_request");
    CHECK(qq->calls[0]["params"] == json{{"flag", "u_friend_1"}, {"approve", true}});
    CHECK(qq->calls[1]["action"] == "set_group_add_request");
    CHECK(qq->calls[1]["params"] ==
          json{{"flag", "g_invite_admin"}, {"sub_type", "invite"}, {"approve", true}});
    CHECK(qq->calls[2]["action"] == "send_group_msg");
  }
  SECTION("approve_requests = false leaves every request to a person") {
    harness h(false, "approve_requests = false\n" + roles);
    auto qq = h.connect();
    qq->send(request("friend", "", owner, "u_friend_1"));
    qq->send(request("group", "invite", manager, "g_invite_admin"));
    qq->send(group_message(9, owners, owner, "我的工单"));
    REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 1; }));
    CHECK(qq->calls[0]["action"] == "send_group_msg");
  }
}

TEST_CASE("loopback onebot: group names are looked up once per group, one at a time, and reports show them",
          "[loopback][onebot]") {
  harness h(false, "[roles]\nadmins = [\"onebot:10086\"]\nstaff = [\"onebot:2200334455\"]\n");
  auto qq = h.connect();
  qq->answer_lookups = false;  // the client is slow to answer: replies must not wait for it
  qq->group_names = {{880001, "阳光花园3栋业主群"}};
  h.say(*qq, group_message(1, owners, manager, "绑定小区 阳光花园", "物业管理员"));
  h.say(*qq, group_message(2, 880002, owner, "我的工单"));
  h.say(*qq, group_message(3, 880003, owner, "我的工单"));
  h.settle(*qq);                     // every reply went out
  REQUIRE(qq->lookups.size() == 1);  // and the client was asked one thing at a time
  CHECK(qq->lookups[0]["params"] == json{{"group_id", owners}});

  std::size_t looked_up = 0;
  REQUIRE(testing::run_until(h.io, [&] {
    for (; looked_up < qq->lookups.size(); ++looked_up) qq->answer_lookup(qq->lookups[looked_up]);
    return looked_up == 3 && h.count("chats WHERE title = '阳光花园3栋业主群'") == 1;
  }));
  CHECK(h.count("chats WHERE chat_id = '880002' AND title = ''") == 1);  // the client knew no name
  h.say(*qq, group_message(4, owners, owner, "我的工单"));
  h.say(*qq, group_message(5, 880002, owner, "我的工单"));
  h.settle(*qq);
  CHECK(qq->lookups.size() == 3);  // once per group: not again when it speaks again

  json notice = private_message(6, wang, "公告 停水通知 | 明天 9:00-12:00 停水", "老王");
  h.say(*qq, notice);
  h.settle(*qq);
  const std::size_t from = qq->calls.size();
  notice["message_id"] = 7;
  notice["message"] = json::array({text_seg("公告 1 送达")});
  h.say(*qq, notice);
  h.settle(*qq);
  std::string report;
  for (std::size_t i = from; i < qq->calls.size(); ++i) report += text_of(qq->calls[i]);
  CHECK(report.find("✓ 阳光花园3栋业主群：已送达") != std::string::npos);
  CHECK(report.find("880001") == std::string::npos);
}

}  // namespace onebot_people_test
