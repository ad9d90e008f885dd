#include "domain/votes/tally.hpp"

#include <set>

namespace domain::votes {
namespace {

// One owner's rooms within one scope ("" all of them, or one building's).
void add_scope(tally& t, const std::string& scope, const std::vector<const room_ballot*>& rooms,
               bool weighted) {
  std::map<int, std::int64_t> area_by_choice;
  share& part = t[{scope, participation}];
  for (const auto* r : rooms) {
    part.area_centi += r->area_centi;
    part.rooms += 1;
    for (int c : r->choices) {
      share& s = t[{scope, c}];
      s.area_centi += r->area_centi;
      s.rooms += 1;
      area_by_choice[c] += r->area_centi;
    }
  }
  part.heads += 1;
  if (!weighted) {
    for (const auto& [c, area] : area_by_choice) t[{scope, c}].heads += 1;
    return;
  }
  int best = participation;
  std::int64_t best_area = -1;
  bool tied = false;
  for (const auto& [c, area] : area_by_choice) {
    if (area > best_area) {
      best = c;
      best_area = area;
      tied = false;
    } else if (area == best_area) {
      tied = true;
    }
  }
  if (best != participation && !tied) t[{scope, best}].heads += 1;
}

}  // namespace

tally owner_share(const std::vector<room_ballot>& rooms, bool weighted) {
  tally t;
  std::vector<const room_ballot*> voted;
  std::map<std::string, std::vector<const room_ballot*>> by_building;
  for (const auto& r : rooms) {
    if (r.choices.empty()) continue;
    voted.push_back(&r);
    if (!r.building.empty()) by_building[r.building].push_back(&r);
  }
  if (voted.empty()) return t;
  add_scope(t, "", voted, weighted);
  for (const auto& [building, list] : by_building) add_scope(t, building, list, weighted);
  return t;
}

void add(tally& into, const tally& part, int sign) {
  for (const auto& [key, s] : part) {
    share& d = into[key];
    d.area_centi += sign * s.area_centi;
    d.heads += sign * s.heads;
    d.rooms += sign * s.rooms;
  }
}

tally electorate_of(const std::vector<electorate_room>& rooms) {
  tally t;
  std::set<std::pair<std::string, std::string>> owners_in_scope;
  auto count = [&](const std::string& scope, const electorate_room& r) {
    share& s = t[{scope, electorate}];
    s.area_centi += r.area_centi;
    s.rooms += 1;
    if (owners_in_scope.insert({scope, r.owner}).second) s.heads += 1;
  };
  for (const auto& r : rooms) {
    count("", r);
    if (!r.building.empty()) count(r.building, r);
  }
  return t;
}

std::string owner_key(std::int64_t unit_id, const std::string& owner_name, const std::string& phone_tail) {
  // Two rooms are one owner's only when the roster gives both the same name and the same phone: a
  // name alone (namesakes) or four digits alone would join strangers.
  if (owner_name.empty() || phone_tail.empty()) return "unit:" + std::to_string(unit_id);
  return owner_name + "|" + phone_tail;
}

share share_at(const tally& t, const std::string& building, int choice) {
  auto it = t.find({building, choice});
  return it == t.end() ? share{} : it->second;
}

counts counts_of(const tally& t, const std::string& building, int yes_choice) {
  return {share_at(t, building, electorate), share_at(t, building, participation),
          share_at(t, building, yes_choice)};
}

}  // namespace domain::votes
