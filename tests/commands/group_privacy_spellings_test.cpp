// Issue 10, item 6: the spellings of rooms and mobiles that reached owners' groups — in the
// reporter's 工单 N, in new-ticket notices, word for word from staff notes, and in display names —
// are masked there, staff learn privately that their note was masked, and the service phones
// staff configure stay readable.
#include <catch2/catch.hpp>

#include "support/test_bot.hpp"

using testing::test_bot;

namespace {

bot::chat_ref private_chat(const std::string& who) {
  return bot::chat_ref{"console", "", bot::chat_kind::direct, who};
}

// What a group was told, without the @ of the person it answers (the platform shows that card
// in that group anyway).
std::string group_text(const testing::replies& r, const bot::chat_ref& group) {
  std::string out;
  for (const auto& m : r.to(group)) out += m.body.text + "\n";
  return out;
}

struct spelling {
  const char* typed;
  const char* hidden;  // what must not show in a group
};

constexpr spelling missed_spellings[] = {
    {"3.2.1201", "1201"},
    {"3/2/1201", "1201"},
    {"1201房", "1201"},
    {"楼上1301卫生间", "1301"},
    {"1201张先生", "1201"},
    {"3栋13楼", "13楼"},
    {"三栋二单元一二零一", "一二零一"},
    {"3号楼二单元12楼01", "12楼01"},
    {"138.1234.5678", "1234.5678"},
    {"138—1234—5678", "1234—5678"},
    {"1 3 8 1 2 3 4 5 6 7 8", "5 6 7 8"},
    {"tel13812345678", "12345678"},
};

}  // namespace

TEST_CASE("every missed spelling is masked in the reporter's ticket and the new-ticket notice",
          "[privacy][tickets]") {
  for (const auto& s : missed_spellings) {
    INFO(s.typed);
    test_bot bot;
    bot.register_group("维修群", "", "staff");
    auto reported = bot.as("王阿姨").in_group("3栋业主群").say(std::string("报修 厨房漏水，") + s.typed);
    reported.should_reply_containing("#1");
    const std::string notice = group_text(reported, bot.group("维修群"));
    CHECK(notice.find("厨房漏水") != std::string::npos);
    CHECK(notice.find(s.hidden) == std::string::npos);

    auto view = bot.as("王阿姨").in_group("3栋业主群").say("工单 1");
    const std::string shown = group_text(view, bot.group("3栋业主群"));
    CHECK(shown.find("厨房漏水") != std::string::npos);
    CHECK(shown.find(s.hidden) == std::string::npos);
    // Privately the reporter still reads what she typed.
    bot.in_private().say("工单 1").should_reply_containing(s.typed);
  }
}

TEST_CASE("a staff note reaches the owners' group masked and its author is told privately",
          "[privacy][tickets][staff]") {
  test_bot bot;
  bot.register_group("维修群", "", "staff");
  bot.as("王阿姨").in_group("3栋业主群").say("报修 楼上漏水到我家厨房");
  bot.as("李师傅").in_group("维修群").say("接单 1");
  auto r = bot.say("完成 1 已修好，业主电话138.1234.5678 3.2.1201");
  const std::string owners = group_text(r, bot.group("3栋业主群"));
  CHECK(owners.find("已修好，业主电话*** 3栋2单元") != std::string::npos);
  CHECK(owners.find("1234") == std::string::npos);
  CHECK(owners.find("1201") == std::string::npos);
  auto told = r.to(private_chat("李师傅"));
  REQUIRE(told.size() == 1);
  CHECK(told[0].shown.find("业主群") != std::string::npos);
  CHECK(told[0].shown.find("已修好，业主电话*** 3栋2单元") != std::string::npos);

  auto view = bot.as("王阿姨").in_group("3栋业主群").say("工单 1");
  const std::string history = group_text(view, bot.group("3栋业主群"));
  CHECK(history.find("业主电话*** 3栋2单元") != std::string::npos);
  CHECK(history.find("5678") == std::string::npos);
  CHECK(history.find("1201") == std::string::npos);

  // A note with nothing private in it goes out as typed, and nobody is told anything privately.
  bot.as("王阿姨").in_group("3栋业主群").say("重开 1 还是漏");
  auto plain = bot.as("李师傅").in_group("维修群").say("完成 1 换了阀门");
  CHECK(group_text(plain, bot.group("3栋业主群")).find("换了阀门") != std::string::npos);
  CHECK(plain.to(private_chat("李师傅")).empty());
}

TEST_CASE("a display name with a room and a phone is masked in group texts", "[privacy][tickets][names]") {
  test_bot bot;
  bot.register_group("维修群", "", "staff");
  const std::string card = "3-2-1201王13812345678";
  bot.as(card).in_group("3栋业主群").say("报修 厨房漏水");
  auto taken = bot.as("李师傅").in_group("维修群").say("接单 1");
  for (const auto& m : taken.to(bot.group("3栋业主群"))) {
    CHECK(m.shown.find("1201") == std::string::npos);
    CHECK(m.shown.find("13812345678") == std::string::npos);
  }
  auto view = bot.as(card).in_group("3栋业主群").say("工单 1");
  const std::string history = group_text(view, bot.group("3栋业主群"));
  CHECK(history.find("3栋2单元王***") != std::string::npos);
  CHECK(history.find("1201") == std::string::npos);
  CHECK(history.find("13812345678") == std::string::npos);
}

TEST_CASE("configured service phones stay readable in staff notes to groups", "[privacy][tickets][config]") {
  test_bot bot(
      "[privacy]\nallowed_phones = [\"400-800-1234\"]\n[emergency]\nduty_phone = \"0571-88886666\"\n");
  bot.register_group("维修群", "", "staff");
  bot.as("王阿姨").in_group("3栋业主群").say("报修 厨房漏水");
  bot.as("李师傅").in_group("维修群").say("接单 1");
  auto r = bot.say("完成 1 再漏请打400-800-1234或值班0571-88886666，别打我手机13900001111");
  const std::string owners = group_text(r, bot.group("3栋业主群"));
  CHECK(owners.find("再漏请打400-800-1234或值班0571-88886666，别打我手机***") != std::string::npos);
}
