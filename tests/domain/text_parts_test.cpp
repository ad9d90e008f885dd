// Long minutes cut into messages people can read: at paragraphs, lines or sentences, never inside a
// character, nothing lost.
#include <catch2/catch.hpp>

#include "bot/utf8.hpp"
#include "domain/broadcast/text_parts.hpp"

using domain::broadcast::text_parts;

namespace {

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}

std::string without_space(std::string s) {
  std::string out;
  for (char c : s)
    if (c != '\n' && c != ' ') out += c;
  return out;
}

}  // namespace

TEST_CASE("a short text is one part, a long one breaks at paragraphs first", "[broadcast][parts]") {
  CHECK(text_parts("一、电梯维修。", 100) == std::vector<std::string>{"一、电梯维修。"});
  CHECK(text_parts("  \n ", 100).empty());
  auto parts = text_parts("一、电梯维修进度。\n\n二、停车位改造方案。\n\n三、下季度计划。", 25);
  CHECK(parts == std::vector<std::string>{"一、电梯维修进度。\n\n二、停车位改造方案。", "三、下季度计划。"});
}

TEST_CASE("without paragraphs it breaks at lines, then after sentences, then at the limit",
          "[broadcast][parts]") {
  CHECK(text_parts("第一行内容\n第二行内容\n第三行", 12) ==
        std::vector<std::string>{"第一行内容\n第二行内容", "第三行"});
  CHECK(text_parts("第一句话说完了。第二句话也说完了。第三句", 10) ==
        std::vector<std::string>{"第一句话说完了。", "第二句话也说完了。", "第三句"});
  const std::string long_run(90, 'a');
  auto hard = text_parts("好" + long_run, 40);
  REQUIRE(hard.size() == 3);
  for (const auto& p : hard) CHECK(bot::utf8::length(p) <= 40);
  CHECK(joined(hard) == "好" + long_run);
}

TEST_CASE("every character survives the cut and no part is over the limit", "[broadcast][parts]") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += (i % 7 == 0 ? "物业。\n" : "业主大会决议事项");
  auto parts = text_parts(text, 150);
  CHECK(parts.size() > 5);
  for (const auto& p : parts) {
    CHECK(bot::utf8::length(p) <= 150);
    CHECK(bot::utf8::valid(p) == p);
  }
  CHECK(without_space(joined(parts)) == without_space(text));
}
