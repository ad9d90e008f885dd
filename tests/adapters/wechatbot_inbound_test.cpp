// wechatbot-webhook inbound, pure: the forms the bridge really posts (tests/fixtures/wechatbot/)
// become a message, account health or nothing; a wrong token is 401, a malformed form 400.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/wechatbot/wechatbot_adapter.hpp"
#include "support/wechatbot_forms.hpp"

using adapters::wechatbot::inbound;
using adapters::wechatbot::system_event;
using testing::wechatbot::fixture_form;
using testing::wechatbot::form_body;

namespace {

const std::string form_token = "in-token-5f2c";

adapters::wechatbot::wechatbot_adapter codec() {
  bot::wechatbot_config c;
  c.enabled = true;
  c.inbound_token = form_token;
  c.api_url = "http://127.0.0.1:3001";
  c.api_token = "api";
  return adapters::wechatbot::wechatbot_adapter(c);
}

bot::http_request post_form(const form_body& f, const std::string& query = "token=" + form_token) {
  bot::http_request r;
  r.method = "POST";
  r.path = "/wechatbot";
  r.query = query;
  r.target = r.path + "?" + query;
  r.headers = {{"content-type", f.content_type}};
  r.body = f.body;
  return r;
}

inbound parse_form(const std::string& fixture) {
  return codec().parse_inbound(post_form(fixture_form(fixture)));
}

bot::message only_message(const inbound& in) {
  REQUIRE(in.result.response.status == 200);
  REQUIRE(in.result.events.size() == 1);
  REQUIRE(std::holds_alternative<bot::message>(in.result.events[0]));
  return std::get<bot::message>(in.result.events[0]);
}

}  // namespace

TEST_CASE("wechatbot: a group message is keyed by the group's name and the sender's nickname",
          "[wechatbot][adapters]") {
  auto in = parse_form("room_text.form");
  const auto m = only_message(in);
  CHECK(m.chat == bot::chat_ref{"wechatbot", "", bot::chat_kind::group, "3栋业主群"});
  CHECK(m.chat_title == "3栋业主群");
  CHECK(m.sender.platform == "wechatbot");
  CHECK(m.sender.id == "name:王阿姨");
  CHECK(m.sender.name == "王阿姨");
  CHECK(m.text == "报修 3-2-1201 厨房水管漏水");
  CHECK_FALSE(m.addressed_to_bot);
  CHECK(m.id.size() == 32);
  CHECK(in.room_id.rfind("@@f3a1", 0) == 0);
  CHECK(nlohmann::json::parse(in.result.response.body) == nlohmann::json{{"success", true}});
  // The same form again is the same message; other words are another.
  CHECK(only_message(parse_form("room_text.form")).id == m.id);
  CHECK(only_message(parse_form("room_mention.form")).id != m.id);
}

TEST_CASE("wechatbot: a remarked sender is keyed by the remark, @ and WeChat's mention space are read",
          "[wechatbot][adapters]") {
  const auto m = only_message(parse_form("room_mention.form"));
  CHECK(m.sender.id == "alias:王师傅");
  CHECK(m.sender.name == "王建国");
  CHECK(m.addressed_to_bot);
  CHECK(m.text == "@物业助手 我的工单");  // U+2005 after the name became a space
}

TEST_CASE("wechatbot: a private message is a direct chat with the sender", "[wechatbot][adapters]") {
  auto in = parse_form("private_text.form");
  const auto m = only_message(in);
  CHECK(m.chat == bot::chat_ref{"wechatbot", "", bot::chat_kind::direct, "name:赵女士"});
  CHECK(m.sender.id == "name:赵女士");
  CHECK(m.text == "建议 希望夜里多巡逻几次");
  CHECK(in.room_id.empty());

  SECTION("older bridges write the missing room as \"\"") {
    nlohmann::json source = {{"room", ""}, {"to", ""}, {"from", testing::wechatbot::contact("赵女士")}};
    auto f = testing::wechatbot::build_form(
        {{"source", source.dump()}, {"type", "text"}, {"content", "我的工单"}});
    const auto old = only_message(codec().parse_inbound(post_form(f)));
    CHECK(old.chat.kind == bot::chat_kind::direct);
    CHECK(old.chat.id == "name:赵女士");
  }
}

TEST_CASE("wechatbot: the bridge's login, logout and error events are the account's health",
          "[wechatbot][adapters]") {
  auto login = parse_form("system_login.form");
  REQUIRE(login.result.response.status == 200);
  REQUIRE(login.result.events.size() == 1);
  const auto& up = std::get<bot::account_health>(login.result.events[0]);
  CHECK(up.platform == "wechatbot");
  CHECK(up.online);
  REQUIRE(login.system);
  CHECK(login.system->what == system_event::kind::login);
  CHECK(login.system->user == "物业小助手");

  auto logout = parse_form("system_logout.form");
  REQUIRE(logout.result.events.size() == 1);
  CHECK_FALSE(std::get<bot::account_health>(logout.result.events[0]).online);
  CHECK(logout.system->what == system_event::kind::logout);

  auto error = parse_form("system_error.form");
  CHECK(error.result.response.status == 200);
  CHECK(error.result.events.empty());  // an error says nothing of being logged in
  REQUIRE(error.system);
  CHECK(error.system->what == system_event::kind::error);
  CHECK(error.system->error.empty());  // the bridge's Error arrives as {}
}

TEST_CASE("wechatbot: files, links, friend requests and the bot's own words are acknowledged and dropped",
          "[wechatbot][adapters]") {
  for (const char* name : {"room_image.form", "room_link.form", "self_text.form"}) {
    INFO(name);
    auto in = parse_form(name);
    CHECK(in.result.response.status == 200);
    CHECK(in.result.events.empty());
    CHECK_FALSE(in.system);
  }
  auto friendship = parse_form("friendship.form");
  CHECK(friendship.result.response.status == 200);
  CHECK(friendship.result.events.empty());
  // {"success": true} would make the bridge accept the request.
  CHECK(nlohmann::json::parse(friendship.result.response.body)["success"] == false);
}

TEST_CASE("wechatbot: without the right ?token= nothing is read", "[wechatbot][adapters]") {
  auto f = fixture_form("room_text.form");
  for (const std::string& query : std::vector<std::string>{"", "token=", "token=in-token-5f2",
                                                           "token=in-token-5f2cX", "tok=" + form_token}) {
    INFO(query);
    auto req = post_form(f, query);
    auto early = codec().check_headers(req);
    REQUIRE(early);
    CHECK(early->status == 401);
    auto in = codec().parse_inbound(req);
    CHECK(in.result.response.status == 401);
    CHECK(in.result.events.empty());
  }
  CHECK_FALSE(codec().check_headers(post_form(f)));
}

TEST_CASE("wechatbot: a malformed form is 400, naming what is wrong", "[wechatbot][adapters]") {
  using testing::wechatbot::build_form;
  auto refused = [](const form_body& f) {
    auto in = codec().parse_inbound(post_form(f));
    CHECK(in.result.response.status == 400);
    CHECK(in.result.events.empty());
    return nlohmann::json::parse(in.result.response.body)["error"].get<std::string>();
  };
  auto good = fixture_form("room_text.form");
  CHECK(refused({"application/json", R"({"type":"text"})"}).find("multipart/form-data") != std::string::npos);
  CHECK(refused({good.content_type, good.body.substr(0, good.body.size() - 10)})
            .find("not followed by the boundary") != std::string::npos);
  CHECK(refused({"multipart/form-data; boundary=other", good.body}).find("does not start") !=
        std::string::npos);
  CHECK(refused(build_form({{"content", "hi"}})) == "type: required");
  CHECK(refused(build_form({{"type", "text"}, {"type", "file"}})) == "type: given twice");
  CHECK(refused(build_form({{"type", "text"}, {"isMentioned", "yes"}})) == "isMentioned: \"1\" or \"0\"");
  CHECK(refused(build_form({{"type", "text"}, {"source", "{not json"}, {"content", "x"}})) ==
        "source: must be JSON");
  CHECK(refused(build_form({{"type", "text"}, {"source", "[]"}, {"content", "x"}})) ==
        "source: must be a JSON object");
  CHECK(refused(build_form({{"type", "text"}, {"source", R"({"room":{},"from":{}})"}})) ==
        "source.from.payload: required object");
  CHECK(refused(build_form({{"type", "text"}, {"source", R"({"from":{"payload":{"name":7}}})"}})) ==
        "source.from.payload.name: must be a string");
  CHECK(refused(build_form({{"type", "text"}, {"source", R"({"from":{"payload":{"name":""}}})"}})) ==
        "source.from.payload.name: required");
  CHECK(refused(
            build_form({{"type", "text"},
                        {"source",
                         R"({"room":{"id":"@@1","payload":{"topic":""}},"from":{"payload":{"name":"a"}}})"}}))
            .find("source.room.payload.topic: required") == 0);
  CHECK(refused(build_form({{"type", "system_event_login"}, {"isSystemEvent", "1"}, {"content", "login"}})) ==
        "content: a system event carries a JSON object");
}
