// Places read from owners' words: rooms, buildings, floors and spots, the garage, gates, lifts and
// common spots, in digits or Chinese numerals, and the corpus's labelled places.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

#include "domain/intent/corpus.hpp"
#include "domain/units/place_finder.hpp"

namespace place_finder_test {

using domain::units::find_place;

std::string words_of(std::string_view text) {
  auto p = find_place(text);
  return p ? p->words : std::string("-");
}

TEST_CASE("places owners name, as the words show them", "[places]") {
  CHECK(words_of("13楼电梯口的灯不亮") == "13楼电梯口");
  CHECK(words_of("地下车库B区有车乱停占道") == "地下车库B区");
  CHECK(words_of("5栋电梯又坏了") == "5栋电梯");
  CHECK(words_of("三栋二单元楼道灯坏了") == "3栋2单元楼道");
  CHECK(words_of("北门道闸不抬杆") == "北门道闸");
  CHECK(words_of("2号电梯按钮失灵") == "2号电梯");
  CHECK(words_of("B2层有积水") == "B2层");
  CHECK(words_of("中心花园的路灯不亮") == "中心花园");
  CHECK(words_of("the lights in building 7 are out") == "building 7");
  CHECK(words_of("我家厨房漏水") == "-");
  // Never half a character: "层?" on bytes would take the first bytes of 居 or 北.
  CHECK(words_of("车在B1居然被刮了") == "B1");
  CHECK(words_of("地下车库B北口积水") == "地下车库B");
  CHECK(words_of("3栋北侧的路灯") == "3栋北侧");
  CHECK(words_of("楼上又在装修") == "-");
}

TEST_CASE("a room is an address, never words to show", "[places][privacy]") {
  auto p = find_place("3栋2单元1201卫生间漏水");
  REQUIRE(p);
  REQUIRE(p->address);
  CHECK(p->address->canonical() == "3-2-1201");
  p = find_place("楼上3-2-1301往下滴水");
  REQUIRE(p);
  CHECK(p->address->room == "1301");
  p = find_place("5号楼门口");
  REQUIRE(p);
  CHECK(p->address->building == "5");
  CHECK_FALSE(p->address->has_room());
}

TEST_CASE("most places the corpus labels are found", "[places][intent]") {
  std::vector<std::string> paths;
  for (const auto& f : std::filesystem::directory_iterator(ESTATEBOT_SOURCE_DIR "/domain/intent/corpus"))
    if (f.path().extension() == ".tsv") paths.push_back(f.path().string());
  int named = 0, found = 0;
  for (const auto& e : domain::intent::read_corpus_files(paths)) {
    if (e.place == "-") continue;
    ++named;
    found += find_place(e.text).has_value();
  }
  std::printf("places labelled in the corpus: %d, found %d (%.1f%%)\n", named, found, 100.0 * found / named);
  CHECK(found >= named * 85 / 100);
}

}  // namespace place_finder_test
