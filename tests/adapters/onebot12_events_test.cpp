// OneBot 12 events as ComWeChatBotClient and the specification shape them (tests/fixtures/onebot12/)
// → what the dispatcher gets: ids keyed by the bridged platform, the bot's own mention and quotes,
// and the events that bring nothing (channels, requests, the bot's own messages).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/onebot12/event.hpp"
#include "support/fixtures.hpp"

namespace onebot12_events_test {

using namespace adapters::onebot12;
using nlohmann::json;

namespace {

event_result parsed(const std::string& name, const event_rules& rules = {}) {
  return parse_event(json::parse(testing::fixture("onebot12/" + name)), rules);
}

bot::message only_message(const event_result& r) {
  REQUIRE(r.ok());
  REQUIRE(r.events.size() == 1);
  REQUIRE(std::holds_alternative<bot::message>(r.events[0]));
  return std::get<bot::message>(r.events[0]);
}

}  // namespace

TEST_CASE("onebot12: a WeChat group message keys chat, sender and account by the bridged platform",
          "[onebot12][adapter]") {
  auto r = parsed("group_message.json");
  CHECK(r.account == "wechat:wxid_bot001");
  const auto m = only_message(r);
  CHECK(m.id == "6408129473852917723");
  CHECK(m.chat == bot::chat_ref{"onebot12", "wechat:wxid_bot001", bot::chat_kind::group,
                                "wechat:20876543210@chatroom"});
  CHECK(m.sender.platform == "onebot12");
  CHECK(m.sender.id == "wechat:wxid_owner01");
  CHECK(m.text == "报修 3-2-1201 厨房水管漏水");
  CHECK_FALSE(m.addressed_to_bot);
  CHECK(m.unix_ms == 1'764'547'200'000);  // the platform's time, to the second
}

TEST_CASE("onebot12: mentions, quotes, images and private chats", "[onebot12][adapter]") {
  SECTION("a mention of the bot addresses it and leaves the text") {
    const auto m = only_message(parsed("group_mention_bot.json"));
    CHECK(m.addressed_to_bot);
    CHECK_FALSE(m.addressed_by_quote_only);
    CHECK(m.text == "我的工单");
  }
  SECTION("WeChat's separator after a typed @name (U+2005) reads as a space") {
    auto e = json::parse(testing::fixture("onebot12/group_message.json"));
    e["message"] = json::array({{{"type", "text"}, {"data", {{"text", "@物业助手\u2005我的工单"}}}}});
    CHECK(only_message(parse_event(e, {})).text == "@物业助手 我的工单");
  }
  SECTION("another person's mention stays in the text and in mentions, with a qualified id") {
    const auto m = only_message(parsed("group_mention_other.json"));
    CHECK(m.text == "派单 1 @wxid_wang_shifu");
    REQUIRE(m.mentions.size() == 1);
    CHECK(m.mentions[0].user_id == "wechat:wxid_wang_shifu");
  }
  SECTION("a reply to the bot's message answers the bot without calling it") {
    const auto m = only_message(parsed("group_reply_to_bot.json"));
    CHECK(m.quoted_id == "5501");
    CHECK(m.addressed_to_bot);
    CHECK(m.addressed_by_quote_only);
    CHECK(m.text == "收到");
  }
  SECTION("an image keeps its file_id for staff") {
    const auto m = only_message(parsed("group_image.json"));
    REQUIRE(m.images.size() == 1);
    CHECK(m.images[0].reference == "e30f9ea1-6e8c-4f1a-9b0b-1d2c3e4f5a6b");
  }
  SECTION("a private message is a direct chat with the sender") {
    const auto m = only_message(parsed("private_message.json"));
    CHECK(m.chat.kind == bot::chat_kind::direct);
    CHECK(m.chat.id == "wechat:wxid_owner01");
  }
  SECTION("an earlier draft's top-level platform and self_id name the account too") {
    auto r = parsed("draft_message.json");
    CHECK(r.account == "wechat:wxid_bot001");
    CHECK(only_message(r).text == "我的工单");
  }
}

TEST_CASE("onebot12: events that bring nothing are well-formed, malformed ones name the field",
          "[onebot12][adapter]") {
  for (const char* name : {"self_message.json", "channel_message.json", "friend_request.json"}) {
    INFO(name);
    auto r = parsed(name);
    CHECK(r.ok());
    CHECK(r.events.empty());
    CHECK_FALSE(r.ignored.empty());
  }
  event_rules rules{{"wechat:wxid_bot002"}};
  auto other_bot = json::parse(testing::fixture("onebot12/group_message.json"));
  other_bot["user_id"] = "wxid_bot002";  // another account estatebot serves, in the same group
  auto from_other_bot = parse_event(other_bot, rules);
  CHECK(from_other_bot.ok());
  CHECK(from_other_bot.events.empty());
  CHECK(from_other_bot.ignored == "sent by a bot account");

  CHECK(parsed("missing_self.json").error.find("self") != std::string::npos);
  CHECK(parsed("missing_message_id.json").error.find("message_id") != std::string::npos);
  CHECK_FALSE(parse_event(json::array(), {}).ok());
  auto no_segments = json::parse(testing::fixture("onebot12/group_message.json"));
  no_segments["message"] = "not segments";
  no_segments.erase("alt_message");
  CHECK_FALSE(parse_event(no_segments, {}).ok());
}

TEST_CASE("onebot12: notices and meta events tell joins, removals and account health",
          "[onebot12][adapter]") {
  auto joined = parsed("group_member_increase.json");
  REQUIRE(joined.events.size() == 1);
  const auto& j = std::get<bot::member_joined>(joined.events[0]);
  CHECK(j.user.id == "wechat:wxid_newowner");
  CHECK(j.chat.id == "wechat:20876543210@chatroom");

  auto removed = parsed("group_member_decrease_bot.json");
  REQUIRE(removed.events.size() == 1);
  CHECK(std::holds_alternative<bot::removed_from_chat>(removed.events[0]));

  CHECK(parsed("connect.json").connect);
  CHECK(parsed("connect.json").impl == "ComWechat");
  CHECK(parsed("heartbeat.json").heartbeat_interval_ms == 5000);
  auto status = parsed("status_update.json");
  REQUIRE(status.bots.size() == 2);
  CHECK(status.bots[0].account == "wechat:wxid_bot001");
  CHECK(status.bots[0].online);
  CHECK(status.bots[1].account == "qq:10001");
  CHECK_FALSE(status.bots[1].online);
}

}  // namespace onebot12_events_test
