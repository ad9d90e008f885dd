// The command parser: prefixes, mentions, full-width forms, quotes, aliases, typos.
#include <catch2/catch.hpp>

#include "bot/invocation.hpp"
#include "bot/registry.hpp"
#include "commands/all_commands.hpp"

namespace {

std::vector<std::string> words(const bot::invocation& inv) {
  std::vector<std::string> out;
  for (const auto& t : inv.tokens) out.push_back(t.text);
  return out;
}

const std::vector<std::string> invocation_names{"物业助手", "estatebot"};

bot::invocation group_msg(std::string_view text) {
  return bot::parse_invocation(text, false, false, invocation_names);
}

}  // namespace

TEST_CASE("prefixes mark a message as addressed to the bot", "[parser]") {
  for (std::string_view text : {"/报修 a b", "#报修 a b", "！报修 a b", "!报修 a b", "／报修 a b"}) {
    auto inv = group_msg(text);
    INFO(text);
    CHECK(inv.addressed);
    CHECK(words(inv) == std::vector<std::string>{"报修", "a", "b"});
  }
  auto bare = group_msg("报修 a b");
  CHECK_FALSE(bare.addressed);
  CHECK(words(bare) == std::vector<std::string>{"报修", "a", "b"});
  CHECK(bot::parse_invocation("报修 a", true, false, invocation_names).addressed);  // direct chat
  CHECK(bot::parse_invocation("报修 a", false, true, invocation_names).addressed);  // platform said @bot
}

TEST_CASE("an @-mention of the bot is stripped", "[parser]") {
  auto inv = group_msg("@物业助手 我的工单");
  CHECK(inv.addressed);
  CHECK(words(inv) == std::vector<std::string>{"我的工单"});
  CHECK(words(group_msg("@物业助手：工单 3")) == std::vector<std::string>{"工单", "3"});
  CHECK(words(group_msg("＠物业助手，/ticket 3")) == std::vector<std::string>{"ticket", "3"});
  auto other = group_msg("@张三 你好");
  CHECK_FALSE(other.addressed);
}

TEST_CASE("full-width spaces, digits and punctuation are folded and commas separate", "[parser]") {
  auto inv = group_msg("报修　３－２－１２０１，厨房漏水");
  CHECK(words(inv) == std::vector<std::string>{"报修", "3-2-1201", "厨房漏水"});
  CHECK(words(group_msg("投票 7、同意")) == std::vector<std::string>{"投票", "7", "同意"});
}

TEST_CASE("quoted arguments stay whole", "[parser]") {
  CHECK(words(group_msg("投票 创建 “是否 更换电梯” 同意")) ==
        std::vector<std::string>{"投票", "创建", "是否 更换电梯", "同意"});
  CHECK(words(group_msg("a \"b c\" d")) == std::vector<std::string>{"a", "b c", "d"});
  CHECK(words(group_msg("a 「b c」")) == std::vector<std::string>{"a", "b c"});
  CHECK(words(group_msg("a \"unclosed b")) == std::vector<std::string>{"a", "\"unclosed", "b"});
}

TEST_CASE("free text keeps the owner's own characters", "[parser]") {
  bot::invocation inv =
      bot::parse_invocation("报修 3-2-1201 厨房水管漏水，水流到地上了！", true, false, invocation_names);
  bot::args a;
  a.body = inv.body;
  a.tokens.assign(inv.tokens.begin() + 1, inv.tokens.end());
  CHECK(a.rest(1) == "厨房水管漏水，水流到地上了！");
}

TEST_CASE("registry: aliases, two-word names, glued numbers, typos", "[parser][registry]") {
  bot::registry r;
  commands::register_all(r);
  auto find = [&](std::string_view text) {
    auto inv = bot::parse_invocation(text, true, false, invocation_names);
    bot::split_glued_name(inv, r);
    auto m = r.find(inv.tokens);
    return m ? m->spec->id : std::string("-");
  };
  CHECK(find("报修 x y") == "repair.report");
  CHECK(find("维修 x y") == "repair.report");
  CHECK(find("/Repair x") == "repair.report");
  CHECK(find("/report x") == "repair.report");
  CHECK(find("/my tickets") == "ticket.mine");
  CHECK(find("/group register x") == "group.register");
  CHECK(find("工单12") == "ticket.show");
  CHECK(find("报修3-2-1201漏水") == "repair.report");
  CHECK(find("随便") == "-");

  CHECK(r.suggest("报秀").front() == "报修");
  CHECK(r.suggest("mytikets").front() == "mytickets");
  CHECK(r.suggest("完全无关的一句话").empty());

  SECTION("a duplicate alias fails at start-up") {
    bot::command_spec dup{
        "x.dup", {"报修"}, {"dup"}, "general", bot::role::resident, bot::chat_rule::anywhere, true, {}};
    CHECK_THROWS_WITH(r.add(dup), Catch::Contains("already taken"));
  }
}

TEST_CASE("glued Chinese after a name splits only when addressed", "[parser][registry]") {
  bot::registry r;
  commands::register_all(r);
  auto inv = bot::parse_invocation("工单的事", false, false, invocation_names);
  bot::split_glued_name(inv, r);
  CHECK(words(inv) == std::vector<std::string>{"工单的事"});
  auto addressed = bot::parse_invocation("/报修电梯坏了", false, false, invocation_names);
  bot::split_glued_name(addressed, r);
  CHECK(words(addressed) == std::vector<std::string>{"报修", "电梯坏了"});
}

TEST_CASE("a glued name inside quotes is cut where the owner typed it", "[parser][registry]") {
  bot::registry r;
  commands::register_all(r);
  auto inv = bot::parse_invocation("\"搜索公告停水 通知\"", true, false, invocation_names);
  bot::split_glued_name(inv, r);
  REQUIRE(inv.tokens.size() >= 2);
  CHECK(inv.tokens[0].text == "搜索公告");
  bot::args a;
  a.body = inv.body;
  a.tokens.assign(inv.tokens.begin() + 1, inv.tokens.end());
  CHECK(a.rest(0) == "停水 通知\"");  // whole characters: the quote the owner typed stays theirs
}
