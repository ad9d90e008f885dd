// From ballots to the shares the rule counts. A vote's tally is kept as running sums keyed by
// (building, choice): building "" is the whole vote; choice `electorate` holds the totals taken when
// the vote opened, `participation` who returned a ballot, 0.. each option. A cast takes the
// caster's old share away and adds the new one, so the tally never needs the ballots read again,
// and secret ballots (stored without their room) are counted all the same.
//
// Headcount is one per owner: an owner's rooms count together, their areas summed; when they voted
// differently the person counts for the choice holding the larger area (equal areas: the person
// takes part and approves nothing). Per building, the owner counts in each building they hold a
// voted room in. A poll counts people, and every option each of them ticked.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/votes/rule.hpp"

namespace domain::votes {

inline constexpr int electorate = -2;
inline constexpr int participation = -1;

using tally_key = std::pair<std::string, int>;  // building ("" whole vote), choice
using tally = std::map<tally_key, share>;

// One room of an owner (or, in a poll, the one person) and what it chose; no choices: not voted.
struct room_ballot {
  std::string building;
  std::int64_t area_centi = 0;
  std::vector<int> choices;
};

// What one owner's rooms add to a tally; `weighted` for assembly votes, false for polls.
tally owner_share(const std::vector<room_ballot>& rooms, bool weighted);
void add(tally& into, const tally& part, int sign);

// A room of the electorate as the roster stood when the vote opened.
struct electorate_room {
  std::int64_t unit_id = 0;
  std::string building;
  std::int64_t area_centi = 0;
  std::string owner;  // owner_key()
};
tally electorate_of(const std::vector<electorate_room>& rooms);
// Who counts as one person: the roster's owner name and phone tail; a room without either is its
// own owner.
std::string owner_key(std::int64_t unit_id, const std::string& owner_name, const std::string& phone_tail);

// The shares the rule needs, for the whole vote or one building; `yes_choice` is the approving option.
counts counts_of(const tally& t, const std::string& building, int yes_choice);
share share_at(const tally& t, const std::string& building, int choice);

}  // namespace domain::votes
