// How ballots become area and headcount: one person per owner however many rooms they hold, their
// areas summed; one ballot per room; buildings counted apart as well as together.
#include <catch2/catch.hpp>

#include "domain/votes/tally.hpp"

namespace vote_tally_test {

using namespace domain::votes;

namespace {

room_ballot room(const char* building, std::int64_t area, std::optional<int> choice) {
  room_ballot r{building, area, {}};
  if (choice) r.choices.push_back(*choice);
  return r;
}

share at(const tally& t, const std::string& building, int choice) {
  auto it = t.find({building, choice});
  return it == t.end() ? share{} : it->second;
}

}  // namespace

TEST_CASE("an owner with several rooms is one person with the areas summed", "[votes][tally]") {
  auto t = owner_share({room("3", 8950, 0), room("5", 12000, 0)}, true);
  CHECK(at(t, "", participation).area_centi == 20950);
  CHECK(at(t, "", participation).heads == 1);
  CHECK(at(t, "", participation).rooms == 2);
  CHECK(at(t, "", 0).area_centi == 20950);
  CHECK(at(t, "", 0).heads == 1);
  // Per building the owner takes part in each building they hold a room in.
  CHECK(at(t, "3", 0).area_centi == 8950);
  CHECK(at(t, "3", 0).heads == 1);
  CHECK(at(t, "5", participation).heads == 1);
}

TEST_CASE("an owner who voted some rooms only takes part with those rooms' area", "[votes][tally]") {
  auto t = owner_share({room("3", 8950, 1), room("3", 12000, std::nullopt)}, true);
  CHECK(at(t, "", participation).area_centi == 8950);
  CHECK(at(t, "", participation).heads == 1);
  CHECK(at(t, "", participation).rooms == 1);
  CHECK(at(t, "", 1).heads == 1);
  CHECK(owner_share({room("3", 8950, std::nullopt)}, true).empty());  // not voted: nothing counted
}

TEST_CASE("an owner whose rooms voted differently counts as a person for the choice with the larger area",
          "[votes][tally]") {
  auto t = owner_share({room("3", 8000, 0), room("3", 12000, 1)}, true);
  CHECK(at(t, "", 0).area_centi == 8000);
  CHECK(at(t, "", 0).heads == 0);
  CHECK(at(t, "", 1).area_centi == 12000);
  CHECK(at(t, "", 1).heads == 1);
  CHECK(at(t, "", participation).heads == 1);
  // Equal areas: the person takes part but approves nothing.
  auto tie = owner_share({room("3", 9000, 0), room("3", 9000, 1)}, true);
  CHECK(at(tie, "", participation).heads == 1);
  CHECK(at(tie, "", 0).heads == 0);
  CHECK(at(tie, "", 1).heads == 0);
}

TEST_CASE("a poll counts people and every option they ticked", "[votes][tally]") {
  auto t = owner_share({room("", 0, std::nullopt)}, false);
  CHECK(t.empty());
  room_ballot both{"", 0, {0, 2}};
  t = owner_share({both}, false);
  CHECK(at(t, "", participation).heads == 1);
  CHECK(at(t, "", 0).heads == 1);
  CHECK(at(t, "", 2).heads == 1);
  CHECK(at(t, "", 1).heads == 0);
}

TEST_CASE("a changed ballot moves its weight, adding and taking away a share leaves nothing behind",
          "[votes][tally]") {
  tally box;
  auto before = owner_share({room("3", 8950, 0)}, true);
  add(box, before, +1);
  auto after = owner_share({room("3", 8950, 1)}, true);
  add(box, before, -1);
  add(box, after, +1);
  CHECK(at(box, "", 0).area_centi == 0);
  CHECK(at(box, "", 0).heads == 0);
  CHECK(at(box, "", 1).area_centi == 8950);
  CHECK(at(box, "", participation).heads == 1);
  add(box, after, -1);
  for (const auto& [key, s] : box) {
    INFO(key.first << "/" << key.second);
    CHECK(s.area_centi == 0);
    CHECK(s.heads == 0);
    CHECK(s.rooms == 0);
  }
}

TEST_CASE("the electorate: one person per owner key, a co-owned room once", "[votes][tally]") {
  std::vector<electorate_room> rooms = {{1, "3", 8950, "王芳|1234"},
                                        {2, "3", 12000, "王芳|1234"},  // one owner, two rooms
                                        {3, "5", 7525, "赵,敏|9999"},  // co-owned: one room, one person
                                        {4, "5", 10000, "李强|5678"}};
  auto t = electorate_of(rooms);
  CHECK(at(t, "", electorate).area_centi == 38475);
  CHECK(at(t, "", electorate).heads == 3);
  CHECK(at(t, "", electorate).rooms == 4);
  CHECK(at(t, "3", electorate).heads == 1);
  CHECK(at(t, "5", electorate).heads == 2);
}

TEST_CASE("rooms are one owner's only when the roster gives the same name and phone", "[votes][tally]") {
  CHECK(owner_key(1, "王芳", "1234") == owner_key(2, "王芳", "1234"));
  CHECK(owner_key(1, "张伟", "") != owner_key(2, "张伟", ""));  // namesakes without a phone
  CHECK(owner_key(1, "", "1234") != owner_key(2, "", "1234"));  // four digits alone
  CHECK(owner_key(1, "", "") != owner_key(2, "", ""));
  // A room without a building counts once in the whole vote.
  auto t = electorate_of({{1, "", 10000, "a"}, {2, "3", 10000, "b"}});
  CHECK(t.at({"", electorate}).area_centi == 20000);
  CHECK(t.at({"", electorate}).rooms == 2);
}

}  // namespace vote_tally_test
