// OneBot v11 events from fixture files in the shapes NapCat, Lagrange, LLOneBot and go-cqhttp send
// (tests/fixtures/onebot/events/<name>.json), each beside what it must parse to
// (<name>.expected.json): arrays and CQ strings, @-mentions of the bot, replies, images, ids that
// are negative, strings or beyond 32 bits, notices, heartbeats, lifecycle, requests; other
// people's @s with their QQ numbers, and the @ of the bot that QQ inserts when quoting it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "adapters/onebot/event_parser.hpp"
#include "bot/json_parse.hpp"
#include "support/fixtures.hpp"

using nlohmann::json;

namespace {

// The parse result in the same shape as the .expected.json files.
json describe(const adapters::onebot::event_result& r) {
  if (!r.ok()) return {{"error", r.error}};
  json out{{"self_id", r.self_id}, {"kind", r.kind}, {"events", json::array()}};
  if (!r.ignored.empty()) out["ignored"] = true;
  if (!r.lifecycle.empty()) out["lifecycle"] = r.lifecycle;
  if (r.good) out["good"] = *r.good;
  if (r.request)
    out["request"] = {{"type", r.request->type},       {"sub_type", r.request->sub_type},
                      {"user_id", r.request->user_id}, {"group_id", r.request->group_id},
                      {"flag", r.request->flag},       {"comment", r.request->comment}};
  for (const auto& e : r.events) {
    if (const auto* m = std::get_if<bot::message>(&e)) {
      json images = json::array();
      for (const auto& i : m->images) images.push_back(i.reference);
      json mentions = json::array();
      for (const auto& x : m->mentions) mentions.push_back({{"user_id", x.user_id}, {"name", x.name}});
      out["events"].push_back({{"type", "message"},
                               {"id", m->id},
                               {"chat", m->chat.key()},
                               {"title", m->chat_title},
                               {"sender", m->sender.id},
                               {"sender_name", m->sender.name},
                               {"text", m->text},
                               {"addressed_to_bot", m->addressed_to_bot},
                               {"addressed_by_quote_only", m->addressed_by_quote_only},
                               {"mentions", mentions},
                               {"quoted_id", m->quoted_id},
                               {"images", images},
                               {"unix_ms", m->unix_ms}});
      CHECK(m->sender.platform == "onebot");
    } else if (const auto* j = std::get_if<bot::member_joined>(&e)) {
      out["events"].push_back({{"type", "member_joined"}, {"chat", j->chat.key()}, {"user", j->user.id}});
    } else if (const auto* gone = std::get_if<bot::removed_from_chat>(&e)) {
      out["events"].push_back({{"type", "removed_from_chat"}, {"chat", gone->chat.key()}});
    } else if (const auto* h = std::get_if<bot::account_health>(&e)) {
      out["events"].push_back({{"type", "account_health"},
                               {"account", h->account},
                               {"online", h->online},
                               {"next_heartbeat_ms", h->next_heartbeat_ms}});
    }
  }
  return out;
}

std::vector<std::string> event_fixtures() {
  std::vector<std::string> names;
  for (const auto& f :
       std::filesystem::directory_iterator(std::string(ESTATEBOT_FIXTURES) + "/onebot/events")) {
    std::string name = f.path().filename().string();
    if (name.ends_with(".json") && !name.ends_with(".expected.json"))
      names.push_back(name.substr(0, name.size() - 5));
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("onebot: every event fixture parses to what its .expected.json says", "[onebot]") {
  auto names = event_fixtures();
  REQUIRE(names.size() >= 20);
  adapters::onebot::event_rules rules;
  for (const auto& name : names) {
    INFO("fixture " << name);
    // Read as the service reads events: integers beyond 64 bits stay exact.
    auto event = bot::parse_untrusted_json(testing::fixture("onebot/events/" + name + ".json")).value;
    auto expected = json::parse(testing::fixture("onebot/events/" + name + ".expected.json"));
    auto got = describe(adapters::onebot::parse_event(event, rules));
    INFO("got      " << got.dump());
    INFO("expected " << expected.dump());
    CHECK(got == expected);
  }
}

TEST_CASE("onebot: a message from another of our bot accounts is never a command", "[onebot]") {
  auto event = json::parse(testing::fixture("onebot/events/gocq_group_string.json"));
  event["user_id"] = 3889001234;  // our other account, speaking in the same group
  adapters::onebot::event_rules rules;
  CHECK(adapters::onebot::parse_event(event, rules).events.size() == 1);
  rules.bot_accounts = {"10001", "3889001234"};
  auto r = adapters::onebot::parse_event(event, rules);
  CHECK(r.ok());
  CHECK(r.events.empty());
  CHECK_FALSE(r.ignored.empty());
}

TEST_CASE("onebot: the message falls back to raw_message, and a bare non-object is malformed", "[onebot]") {
  auto event = json::parse(testing::fixture("onebot/events/big_message_id.json"));
  event.erase("message");
  event["raw_message"] = "[CQ:at,qq=10001]我的工单";
  auto r = adapters::onebot::parse_event(event, {});
  REQUIRE(r.events.size() == 1);
  const auto& m = std::get<bot::message>(r.events[0]);
  CHECK(m.text == "我的工单");
  CHECK(m.addressed_to_bot);

  CHECK_FALSE(adapters::onebot::parse_event(json::array(), {}).ok());
  CHECK_FALSE(adapters::onebot::parse_event(json{{"self_id", 1}}, {}).ok());
  CHECK(adapters::onebot::parse_event(json{{"self_id", 1}, {"post_type", "something_new"}}, {}).ok());
}

TEST_CASE("onebot: an absurd time is no time at all", "[onebot]") {
  auto event = json::parse(testing::fixture("onebot/events/big_message_id.json"));
  for (json t : {json(1e30), json(-5), json(9223372036854775807LL), json("1764547900")}) {
    INFO(t.dump());
    event["time"] = t;
    auto r = adapters::onebot::parse_event(event, {});
    REQUIRE(r.events.size() == 1);
    CHECK(std::get<bot::message>(r.events[0]).unix_ms == 0);
  }
  event["time"] = 1764547900;
  CHECK(std::get<bot::message>(adapters::onebot::parse_event(event, {}).events[0]).unix_ms == 1764547900000);
}
