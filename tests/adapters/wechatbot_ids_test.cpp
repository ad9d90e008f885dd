// What stands in for ids the bridge does not give: message ids that tell a repeat from a delivery
// twice, and room ids that tell a renamed group or two groups of one name within a login.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/wechatbot/ids.hpp"
#include "adapters/wechatbot/recent_messages.hpp"
#include "adapters/wechatbot/room_history.hpp"

using adapters::wechatbot::recent_messages;
using adapters::wechatbot::room_history;

TEST_CASE("wechatbot: a delivery twice keeps its id, the same words said again later get a new one",
          "[wechatbot][adapters]") {
  recent_messages recent;
  const std::int64_t t0 = 1'767'225'600'000;
  const std::string first = recent.id_for("digest-a", t0);
  CHECK(first == "digest-a-" + std::to_string(t0));
  CHECK(recent.id_for("digest-a", t0 + 5'000) == first);
  CHECK(recent.id_for("digest-a", t0 + recent_messages::window_ms) == first);
  CHECK(recent.id_for("digest-b", t0 + 5'000) != first);
  // "收到" for the second emergency, two minutes on, is a new message.
  const std::string later = recent.id_for("digest-a", t0 + 2 * recent_messages::window_ms);
  CHECK(later != first);
  CHECK(recent.id_for("digest-a", t0 + 2 * recent_messages::window_ms + 1'000) == later);
}

TEST_CASE("wechatbot: the digests kept are bounded", "[wechatbot][adapters]") {
  recent_messages recent;
  const std::int64_t t0 = 1'000;
  const std::string oldest = recent.id_for("d-0", t0);
  for (std::size_t i = 1; i <= recent_messages::capacity; ++i) recent.id_for("d-" + std::to_string(i), t0);
  CHECK(recent.id_for("d-0", t0 + 1) != oldest);  // pushed out by newer ones
  CHECK(recent.id_for("d-4096", t0 + 1) == "d-4096-" + std::to_string(t0));
}

TEST_CASE("wechatbot: room ids within a login reveal renamed groups and groups of one name",
          "[wechatbot][adapters]") {
  room_history rooms;
  using seen = room_history::seen;
  CHECK(rooms.heard("@@1", "3栋业主群").what == seen::first);
  CHECK(rooms.heard("@@1", "3栋业主群").what == seen::known);
  CHECK(rooms.heard("@@2", "5栋业主群").what == seen::first);

  auto renamed = rooms.heard("@@1", "3栋业主交流群");
  CHECK(renamed.what == seen::renamed);
  CHECK(renamed.other_topic == "3栋业主群");
  CHECK(rooms.heard("@@1", "3栋业主交流群").what == seen::known);

  CHECK(rooms.heard("@@3", "5栋业主群").what == seen::shared_topic);
  auto j = rooms.to_json();
  CHECK(j["renamed"] == nlohmann::json::array({{{"from", "3栋业主群"}, {"to", "3栋业主交流群"}}}));
  CHECK(j["shared_topics"] == nlohmann::json::array({"5栋业主群"}));

  // A new login gives every room a new id: nothing of the old ones is held against the new.
  rooms.new_login();
  CHECK(rooms.heard("@@9", "3栋业主交流群").what == seen::first);
  CHECK(rooms.heard("@@8", "5栋业主群").what == seen::first);
  CHECK(rooms.to_json()["renamed"].size() == 1);  // the advice stays until someone reads it
}

TEST_CASE("wechatbot: member ids prefer the remark the bot's WeChat gave", "[wechatbot][adapters]") {
  using namespace adapters::wechatbot;
  CHECK(member_id("王师傅", "王建国") == "alias:王师傅");
  CHECK(member_id("", "王阿姨") == "name:王阿姨");
  CHECK(member_id("", "").empty());
  CHECK(name_in("alias:王师傅") == "王师傅");
  CHECK(name_in("name:王阿姨") == "王阿姨");
  bot::chat_ref group{"wechatbot", "", bot::chat_kind::group, "3栋业主群"};
  CHECK(message_digest(group, "name:a", "text", "bc") != message_digest(group, "name:ab", "text", "c"));
}
