// Staff hear of tickets even where nobody registered a staff group: new tickets go to staff who
// talk to the bot privately, else to the managers' group, and the log says so; a message to one
// staff member goes out through the bot account that last heard them (what OneBot routes by).
#include <catch2/catch.hpp>

#include "bot/log.hpp"
#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

bot::chat_ref reach_direct(const std::string& who, const std::string& account = "") {
  return {"console", account, bot::chat_kind::direct, who};
}

struct captured_log {
  captured_log() {
    bot::log::set_min_level(bot::log::level::info);
    bot::log::set_sink([this](bot::log::level, std::string_view module, std::string_view text) {
      lines.push_back(std::string(module) + ": " + std::string(text));
    });
  }
  ~captured_log() {
    bot::log::set_sink({});
    bot::log::set_min_level(bot::log::level::error);  // as tests/main.cpp has it
  }
  bool contains(std::string_view needle) const {
    for (const auto& l : lines)
      if (l.find(needle) != std::string::npos) return true;
    return false;
  }
  std::vector<std::string> lines;
};

}  // namespace

TEST_CASE("without a staff group, a new ticket goes to staff who talk to the bot privately",
          "[tickets][routing]") {
  captured_log log;
  test_bot bot;
  bot.as("王师傅").in_private().say("待办");
  auto r = bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 厨房水管漏水");
  r.should_reply_containing("#1");
  auto to_staff = r.to(reach_direct("王师傅"));
  REQUIRE(to_staff.size() == 1);
  CHECK(to_staff[0].shown.find("新工单 #1") != std::string::npos);
  CHECK(r.to(reach_direct("李师傅")).empty());  // never talked to the bot: no chat to reach
  CHECK(log.contains("no staff group"));
}

TEST_CASE("without a staff group or staff in private chat, the managers' group hears of new tickets",
          "[tickets][routing]") {
  captured_log log;
  test_bot bot;
  bot.as("管理员").in_group("经理群").say("绑定小区 阳光花园 经理群");
  auto r = bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 厨房水管漏水");
  auto managers = r.to(bot.group("经理群"));
  REQUIRE(managers.size() == 1);
  CHECK(managers[0].shown.find("新工单 #1") != std::string::npos);
  CHECK(log.contains("managers' group"));
}

TEST_CASE("with nobody at all to tell, the log says so", "[tickets][routing]") {
  captured_log log;
  test_bot bot;
  auto r = bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 厨房水管漏水");
  CHECK(r.size() == 1);  // the reporter's confirmation only
  CHECK(log.contains("nobody"));
}

TEST_CASE("a message to one staff member goes through the bot account that last heard them",
          "[tickets][routing]") {
  test_bot bot;
  // 王师傅 never opened a private chat; bot account acct-7 heard him last, in a group.
  bot::message m;
  m.id = "g-1";
  m.chat = {"console", "acct-7", bot::chat_kind::group, "物业闲聊群"};
  m.chat_title = "物业闲聊群";
  m.sender = {"console", "王师傅", "王师傅"};
  m.text = "大家好";
  bot.deliver(m);
  bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 厨房水管漏水");
  auto r = bot.as("经理").in_private().say("派单 1 @王师傅");
  r.should_reply_containing("#1");
  auto to_staff = r.to(reach_direct("王师傅", "acct-7"));
  REQUIRE(to_staff.size() == 1);
  CHECK(to_staff[0].shown.find("#1") != std::string::npos);
  CHECK(r.to(reach_direct("王师傅")).empty());  // not on an account that may not exist
}
