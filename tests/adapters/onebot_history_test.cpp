// Before a send that may have gone out is sent again, the chat's history is read: the message is
// recognised by the bot's own copy with the same words from that time on, in the shapes NapCat
// (segment arrays), go-cqhttp (CQ strings) and Lagrange give.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/onebot/history_check.hpp"

namespace onebot_history_test {

using namespace adapters::onebot;
using nlohmann::json;
using verdict = history_match::verdict;

namespace {

constexpr std::int64_t sent_at_ms = 1'764'547'200'000;  // when the unsure call went out
const std::string bot_qq = "3889001234";

api_call reply_call() {
  return {
      "send_group_msg",
      {{"group_id", 880001},
       {"message",
        json::array({{{"type", "at"}, {"data", {{"qq", "2200334455"}}}},
                     {{"type", "text"}, {"data", {{"text", " 已登记报修 #12\n我们会尽快安排师傅。"}}}}})}}};
}

api_answer history_of(json messages) {
  api_answer a;
  a.body = {{"status", "ok"}, {"retcode", 0}, {"data", {{"messages", std::move(messages)}}}};
  return a;
}

json napcat_message(std::int64_t sender, std::int64_t time, json message, std::int64_t id = 1357) {
  return {{"self_id", 3889001234LL},
          {"user_id", sender},
          {"time", time},
          {"message_id", id},
          {"message_type", "group"},
          {"group_id", 880001},
          {"sender", {{"user_id", sender}, {"nickname", "物业小助手"}, {"card", ""}}},
          {"message", std::move(message)},
          {"message_format", "array"}};
}

json same_words() {
  return json::array({{{"type", "at"}, {"data", {{"qq", "2200334455"}, {"name", "王阿姨"}}}},
                      {{"type", "text"}, {"data", {{"text", "已登记报修 #12\n我们会尽快安排师傅。"}}}}});
}

}  // namespace

TEST_CASE("onebot history: the bot's own copy after the send is found, with its id", "[onebot][history]") {
  auto found = find_in_history(
      history_of({napcat_message(2200334455, sent_at_ms / 1000,
                                 json::array({{{"type", "text"}, {"data", {{"text", "谢谢"}}}}}), 1),
                  napcat_message(3889001234, sent_at_ms / 1000 + 3, same_words(), -2147000123)}),
      reply_call(), bot_qq, sent_at_ms);
  CHECK(found.is == verdict::found);
  CHECK(found.message_id == "-2147000123");
}

TEST_CASE("onebot history: go-cqhttp's CQ strings and string ids are read too", "[onebot][history]") {
  json m = napcat_message(3889001234, sent_at_ms / 1000,
                          "[CQ:at,qq=2200334455] 已登记报修 #12\n我们会尽快安排师傅。");
  m["message_id"] = "b64==";
  m.erase("sender");  // some clients give only user_id
  auto found = find_in_history(history_of({m}), reply_call(), bot_qq, sent_at_ms);
  CHECK(found.is == verdict::found);
  CHECK(found.message_id == "b64==");
}

TEST_CASE("onebot history: someone else's words, other words, or an older copy are not the message",
          "[onebot][history]") {
  auto absent = [&](json m) { return find_in_history(history_of({m}), reply_call(), bot_qq, sent_at_ms).is; };
  CHECK(absent(napcat_message(2200334455, sent_at_ms / 1000, same_words())) ==
        verdict::absent);  // an owner quoting it
  CHECK(absent(napcat_message(3889001234, sent_at_ms / 1000,
                              json::array({{{"type", "text"}, {"data", {{"text", "已登记报修 #13"}}}}}))) ==
        verdict::absent);
  CHECK(absent(napcat_message(3889001234, sent_at_ms / 1000 - 600, same_words())) == verdict::absent);
  CHECK(find_in_history(history_of(json::array()), reply_call(), bot_qq, sent_at_ms).is == verdict::absent);
}

TEST_CASE("onebot history: without a history to read, the message is sent again as before",
          "[onebot][history]") {
  api_answer unsupported;
  unsupported.body = {{"status", "failed"}, {"retcode", 1404}, {"message", "不支持的Api"}};
  CHECK(find_in_history(unsupported, reply_call(), bot_qq, sent_at_ms).is == verdict::unknown);
  api_answer not_found;
  not_found.http_status = 404;
  CHECK(find_in_history(not_found, reply_call(), bot_qq, sent_at_ms).is == verdict::unknown);
  api_call image_only{
      "send_group_msg",
      {{"group_id", 880001}, {"message", json::array({{{"type", "image"}, {"data", {{"file", "a.png"}}}}})}}};
  CHECK(find_in_history(history_of(json::array()), image_only, bot_qq, sent_at_ms).is == verdict::unknown);
  api_answer silent;
  silent.how = api_answer::transport::no_answer;
  CHECK(find_in_history(silent, reply_call(), bot_qq, sent_at_ms).is == verdict::away);
}

TEST_CASE("onebot history: the call reads the last messages of the group or the friend",
          "[onebot][history]") {
  auto group = history_call({"onebot", bot_qq, bot::chat_kind::group, "880001"});
  CHECK(group.action == "get_group_msg_history");
  CHECK(group.params["group_id"] == 880001);
  CHECK(group.params["count"] == 20);
  auto friend_ = history_call({"onebot", bot_qq, bot::chat_kind::direct, "2200334455"});
  CHECK(friend_.action == "get_friend_msg_history");
  CHECK(friend_.params["user_id"] == 2200334455LL);
}

TEST_CASE("onebot history: an unsure send is marked in the progress, after the parts already sent",
          "[onebot][history]") {
  CHECK(mark_unsure({}, sent_at_ms) == "~1764547200000");
  CHECK(mark_unsure({"-111", ""}, sent_at_ms) == "-111,?,~1764547200000");
  CHECK(unsure_since("-111,?,~1764547200000") == sent_at_ms);
  CHECK(read_progress("-111,?,~1764547200000") == std::vector<std::string>{"-111", "?"});
  CHECK(sent_ids(read_progress("~1764547200000")).empty());
  CHECK_FALSE(unsure_since("-111,?"));
  CHECK_FALSE(unsure_since(""));
  CHECK_FALSE(unsure_since("~12x"));
}

}  // namespace onebot_history_test
