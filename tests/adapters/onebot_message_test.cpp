// CQ codes and message segments: parsing both encodings, escaping in the spec's order, and
// rendering the bot's replies as segment arrays (quote, @-mentions, @all, long texts split).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/onebot/cq_code.hpp"
#include "adapters/onebot/segments.hpp"
#include "bot/utf8.hpp"

namespace onebot_message_test {

using namespace adapters::onebot;
using nlohmann::json;

TEST_CASE("onebot: CQ codes split into segments, values may hold '=' and escaped ','", "[onebot][cq]") {
  auto segs = parse_cq(
      "[CQ:reply,id=-12]看这里[CQ:image,file=a.jpg,url=https://x/y?a=1&amp;b=2&#44;3]再&#91;说&#93;");
  REQUIRE(segs.size() == 4);
  CHECK(segs[0] == segment{"reply", {{"id", "-12"}}});
  CHECK(segs[1] == segment{"text", {{"text", "看这里"}}});
  CHECK(segs[2].type == "image");
  CHECK(segs[2].get("url") == "https://x/y?a=1&b=2,3");
  CHECK(segs[3].get("text") == "再[说]");
}

TEST_CASE("onebot: CQ unescaping replaces the &amp entity last, so an escaped entity stays literal",
          "[onebot][cq]") {
  CHECK(unescape_text("&amp;#91;") == "&#91;");
  CHECK(unescape_text("&#91;x&#93; &amp; y") == "[x] & y");
  CHECK(unescape_param("a&#44;b&amp;#44;") == "a,b&#44;");
  CHECK(escape_text("[&]") == "&#91;&amp;&#93;");
  CHECK(escape_param("a,b") == "a&#44;b");
  for (std::string s : {"&#91;", "[CQ:face,id=1]", "a&amp;b", ",,[]&&"}) {
    INFO(s);
    CHECK(unescape_text(escape_text(s)) == s);
    CHECK(unescape_param(escape_param(s)) == s);
  }
}

TEST_CASE("onebot: a megabyte of CQ entities decodes completely, in one pass", "[onebot][cq][hardening]") {
  // 1 MiB of "&#91;" once took 2.2 s of the event loop (each replacement moved the rest of the
  // string); the decoding must be the same whatever the size.
  std::string many;
  while (many.size() < (1u << 20)) many += "&#91;&#44;&amp;";
  const std::size_t repeats = many.size() / 15;
  std::string text = unescape_text(many);
  CHECK(text.size() == repeats * 7);
  CHECK(text.substr(0, 14) == "[&#44;&[&#44;&");
  std::string param = unescape_param(many);
  CHECK(param.size() == repeats * 3);
  CHECK(param.find_first_not_of("[,&") == std::string::npos);
  auto segs = parse_cq(std::string(1u << 20, '[').insert(0, "[CQ:x]") + std::string(20'000, ','));
  REQUIRE(segs.size() == 2);
  CHECK(escape_param(segs[1].get("text")).size() == (1u << 20) * 5 + 20'000 * 5);
}

TEST_CASE("onebot: broken CQ codes are text, never an error", "[onebot][cq]") {
  auto segs = parse_cq("报修 [CQ:at,qq=1");
  REQUIRE(segs.size() == 1);
  CHECK(segs[0].get("text") == "报修 [CQ:at,qq=1");
  CHECK(parse_cq("[CQ:]x").front().get("text") == "[CQ:]x");
  CHECK(parse_cq("").empty());
  auto round = std::vector<segment>{{"at", {{"qq", "10001"}}}, {"text", {{"text", " 工单 [12]"}}}};
  CHECK(to_cq(round) == "[CQ:at,qq=10001] 工单 &#91;12&#93;");
  CHECK(parse_cq(to_cq(round)) == round);
}

TEST_CASE("onebot: segments become plain text, the bot's @ is removed and marks the message", "[onebot]") {
  auto c = read_content(segments_of(json::parse(R"([{"type":"reply","data":{"id":"77"}},
      {"type":"at","data":{"qq":"10001"}},{"type":"text","data":{"text":" 工单 3"}},
      {"type":"image","data":{"file":"abc.image"}}])")),
                        "10001");
  CHECK(c.text == "工单 3");
  CHECK(c.at_bot);
  CHECK(c.quoted_id == "77");
  CHECK(c.images == std::vector<std::string>{"abc.image"});
  // Someone else's @ stays readable; a single segment object is a message too.
  CHECK(read_content(segments_of(json::parse(R"({"type":"at","data":{"qq":"20002"}})")), "10001").text ==
        "@20002");
  CHECK_FALSE(read_content(segments_of(json::parse(R"("[CQ:at,qq=20002] hi")")), "10001").at_bot);
}

TEST_CASE("onebot: at most 9 images of a message are kept, the first ones", "[onebot][hardening]") {
  std::string cq;
  for (int i = 0; i < 10'000; ++i) cq += "[CQ:image,file=" + std::to_string(i) + ".image]";
  auto c = read_content(parse_cq(cq + "报修 漏水"), "10001");
  REQUIRE(c.images.size() == 9);
  CHECK(c.images.front() == "0.image");
  CHECK(c.images.back() == "8.image");
  CHECK(c.text == "报修 漏水");
}

TEST_CASE("onebot: a group reply quotes the message, @-mentions the sender, then the text", "[onebot]") {
  bot::outgoing o;
  o.text = "已登记报修 #12";
  o.mentions = {{"2200334455", "王阿姨"}};
  o.quote_id = "-1184223170";
  auto messages = render(o, {});
  REQUIRE(messages.size() == 1);
  CHECK(messages[0] == json::parse(R"([{"type":"reply","data":{"id":"-1184223170"}},
      {"type":"at","data":{"qq":"2200334455"}},{"type":"text","data":{"text":" 已登记报修 #12"}}])"));
}

TEST_CASE("onebot: @all only when asked for and allowed", "[onebot]") {
  bot::outgoing o = bot::outgoing::plain("停水通知");
  CHECK(render(o, {}).at(0).dump().find("all") == std::string::npos);
  o.mention_all = true;
  CHECK(render(o, {}).at(0) ==
        json::parse(R"([{"type":"at","data":{"qq":"all"}},{"type":"text","data":{"text":" 停水通知"}}])"));
  CHECK(render(o, {1500, false}).at(0) == json::parse(R"([{"type":"text","data":{"text":"停水通知"}}])"));
}

TEST_CASE("onebot: a long text goes out as several messages, cut at line breaks", "[onebot]") {
  std::string line(40, 'x');
  std::string text;
  for (int i = 0; i < 10; ++i) text += line + "\n";
  auto parts = split_text(text, 100);
  REQUIRE(parts.size() == 5);
  for (const auto& p : parts) CHECK(p.size() <= 100);
  std::string joined;
  for (const auto& p : parts) joined += p + "\n";
  CHECK(joined == text + "\n");  // nothing lost but the break each cut used

  std::string chinese;
  for (int i = 0; i < 250; ++i) chinese += "漏";
  auto cut = split_text(chinese, 100);
  REQUIRE(cut.size() == 3);
  CHECK(bot::utf8::length(cut[0]) == 100);
  CHECK(bot::utf8::length(cut[2]) == 50);

  bot::outgoing o = bot::outgoing::plain(chinese);
  o.quote_id = "9";
  o.mentions = {{"20002", ""}};
  auto messages = render(o, {100, true});
  REQUIRE(messages.size() == 3);
  CHECK(messages[0].size() == 3);  // reply, at, text
  CHECK(messages[1].size() == 1);  // text only
}

TEST_CASE("onebot: other people's @s keep their QQ numbers and stand apart as words", "[onebot]") {
  auto c = read_content(segments_of(json::parse(R"([{"type":"text","data":{"text":"派单 12"}},
      {"type":"at","data":{"qq":"2200334455","name":"@老王"}},{"type":"text","data":{"text":"尽快"}},
      {"type":"at","data":{"qq":"1912345678"}}])")),
                        "10001");
  CHECK(c.text == "派单 12 @老王 尽快 @1912345678");
  REQUIRE(c.mentions.size() == 2);
  CHECK(c.mentions[0].user_id == "2200334455");
  CHECK(c.mentions[0].name == "老王");
  CHECK(c.mentions[1].user_id == "1912345678");
  CHECK(c.mentions[1].name.empty());
  CHECK_FALSE(c.at_bot);
}

TEST_CASE("onebot: the @ QQ inserts after a quote is not an explicit call", "[onebot]") {
  auto parse = [](const char* cq) { return read_content(segments_of(json(cq)), "10001"); };
  // Quoting the bot's alert and answering 收到: addressed, but only by the quote.
  auto ack = parse("[CQ:reply,id=-5][CQ:at,qq=10001] 收到");
  CHECK(ack.at_bot);
  CHECK(ack.at_bot_by_quote_only);
  CHECK(ack.text == "收到");
  CHECK(parse("[CQ:reply,id=-5] [CQ:at,qq=10001]收到").at_bot_by_quote_only);  // spaces between are fine
  // An @ of the bot somewhere else, or a second one, is typed: an explicit call.
  auto both = parse("[CQ:reply,id=-5][CQ:at,qq=10001] [CQ:at,qq=10001] 工单 3");
  CHECK(both.at_bot);
  CHECK_FALSE(both.at_bot_by_quote_only);
  auto later = parse("[CQ:reply,id=-5]好的 [CQ:at,qq=10001] 工单 3");
  CHECK(later.at_bot);
  CHECK_FALSE(later.at_bot_by_quote_only);
  CHECK_FALSE(parse("[CQ:at,qq=10001] 收到").at_bot_by_quote_only);
  // Quoting a neighbour: QQ's @ of them is not part of what was typed.
  auto neighbour = parse("[CQ:reply,id=-6][CQ:at,qq=20003] 报修 5栋电梯坏了");
  CHECK_FALSE(neighbour.at_bot);
  CHECK(neighbour.text == "报修 5栋电梯坏了");
  CHECK(neighbour.mentions.empty());
}

}  // namespace onebot_message_test
