#include "domain/votes/ballot_box.hpp"

#include <map>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/relay_seal.hpp"
#include "storage/stores.hpp"

namespace domain::votes {
namespace {

std::vector<storage::tally_row> rows_of(const tally& t, int sign) {
  std::vector<storage::tally_row> out;
  for (const auto& [key, s] : t)
    out.push_back({key.first, key.second, sign * s.area_centi, sign * s.heads, sign * s.rooms});
  return out;
}

std::string slot_of(const bot::services& svc, const storage::vote_row& v, std::string_view what,
                    std::int64_t id) {
  std::string plain = std::string(what) + ":" + std::to_string(id);
  if (!v.secret) return plain;
  return bot::relay_seal::keyed_hash(svc.cfg, "ballot/" + std::to_string(v.id) + "/" + plain);
}

// An owner's rooms in the vote with what each voted; nothing when a room that voted has no ballot
// under the present key (secret votes whose relay key changed): its weight is in the tally and
// could not be taken out again.
std::optional<std::vector<room_ballot>> ballots_of(bot::services& svc, const storage::vote_row& v,
                                                   const std::vector<storage::vote_room_row>& rooms) {
  std::vector<room_ballot> out;
  for (const auto& r : rooms) {
    room_ballot b{r.building, r.area_centi, {}};
    if (r.voted_at) {
      auto cast = svc.db.votes.ballot(v.id, slot_of(svc, v, "unit", r.unit_id));
      if (!cast) return std::nullopt;
      b.choices = cast->choices;
    }
    out.push_back(std::move(b));
  }
  return out;
}

storage::ballot_row ballot(const storage::vote_row& v, std::string slot, const std::vector<int>& choices,
                           std::int64_t member, std::int64_t now) {
  storage::ballot_row b{std::move(slot), choices, std::nullopt, std::nullopt};
  if (!v.secret) {
    b.cast_by = member;
    b.cast_at = now;
  }
  return b;
}

}  // namespace

bool is_open(const storage::vote_row& v, std::int64_t now_ms) {
  return !v.closed_at && now_ms < v.deadline;
}

opened open_vote(bot::services& svc, storage::vote_row v) {
  opened o;
  if (v.secret && svc.cfg.suggestions.relay_key.empty()) return {0, open_problem::no_key, 0};
  std::vector<storage::vote_room_row> rooms;
  std::vector<electorate_room> electorate;
  if (v.assembly) {
    for (const auto& u : svc.db.units.in_community(v.community_id, v.building)) {
      std::string owner = owner_key(u.id, u.owner_name, u.phone_tail);
      rooms.push_back({u.id, u.building, u.area_centi, owner, std::nullopt});
      electorate.push_back({u.id, u.building, u.area_centi, owner});
    }
    if (rooms.empty()) return {0, open_problem::no_rooms, 0};
    std::int64_t area = 0;
    for (const auto& r : rooms) area += r.area_centi;
    if (area == 0) return {0, open_problem::no_area, 0};
  }
  v.created_at = svc.clk.now_ms();
  v.follow_majority = v.assembly && svc.db.votes.follow_majority(v.community_id);
  o.id = svc.db.votes.create(v);
  o.rooms = static_cast<std::int64_t>(rooms.size());
  svc.db.votes.add_rooms(o.id, rooms);
  svc.db.votes.add_tally(o.id, rows_of(electorate_of(electorate), +1));
  svc.db.jobs.schedule(close_timer.name, close_timer.ref(o.id), v.deadline, "{}", v.created_at);
  return o;
}

cast_result cast_rooms(bot::services& svc, const storage::vote_row& v, std::int64_t member,
                       const std::vector<std::int64_t>& unit_ids, const std::vector<int>& choices) {
  cast_result r;
  const std::int64_t now = svc.clk.now_ms();
  if (!is_open(v, now)) return cast_result{cast_problem::closed, 0, false, {}};
  std::map<std::string, std::vector<std::int64_t>> by_owner;
  for (auto unit : unit_ids) {
    auto room = svc.db.votes.room(v.id, unit);
    if (!room) return cast_result{cast_problem::not_in_vote, 0, false, {}};
    by_owner[room->owner_key].push_back(unit);
  }
  for (const auto& [owner, units] : by_owner) {
    auto rooms = svc.db.votes.rooms_of_owner(v.id, owner);
    auto cast_before = ballots_of(svc, v, rooms);
    // The command fails and its savepoint takes back what earlier owners' rooms wrote.
    if (!cast_before) return cast_result{cast_problem::key_lost, 0, false, {}};
    const tally before = owner_share(*cast_before, true);
    for (auto unit : units) {
      const std::string slot = slot_of(svc, v, "unit", unit);
      if (svc.db.votes.ballot(v.id, slot)) r.replaced = true;
      svc.db.votes.put_ballot(v.id, ballot(v, slot, choices, member, now));
      // A secret vote keeps that a room voted, not when: the time would match the reply's.
      svc.db.votes.mark_voted(v.id, unit, v.secret ? v.created_at : now);
      for (auto m : svc.db.units.members_bound(unit))
        if (m != member) r.co_owners.push_back(m);
      ++r.rooms;
    }
    rooms = svc.db.votes.rooms_of_owner(v.id, owner);
    tally delta = owner_share(ballots_of(svc, v, rooms).value_or(std::vector<room_ballot>{}), true);
    add(delta, before, -1);
    svc.db.votes.add_tally(v.id, rows_of(delta, +1));
  }
  return r;
}

cast_result cast_person(bot::services& svc, const storage::vote_row& v, std::int64_t member,
                        const std::vector<int>& choices) {
  cast_result r;
  const std::int64_t now = svc.clk.now_ms();
  if (!is_open(v, now)) return cast_result{cast_problem::closed, 0, false, {}};
  const std::string slot = slot_of(svc, v, "member", member);
  tally delta = owner_share({room_ballot{"", 0, choices}}, false);
  if (auto old = svc.db.votes.ballot(v.id, slot)) {
    r.replaced = true;
    add(delta, owner_share({room_ballot{"", 0, old->choices}}, false), -1);
  }
  svc.db.votes.put_ballot(v.id, ballot(v, slot, choices, member, now));
  svc.db.votes.add_tally(v.id, rows_of(delta, +1));
  r.rooms = 1;
  return r;
}

std::optional<storage::ballot_row> ballot_for_room(bot::services& svc, const storage::vote_row& v,
                                                   std::int64_t unit) {
  return svc.db.votes.ballot(v.id, slot_of(svc, v, "unit", unit));
}

std::optional<storage::ballot_row> ballot_for_person(bot::services& svc, const storage::vote_row& v,
                                                     std::int64_t member) {
  return svc.db.votes.ballot(v.id, slot_of(svc, v, "member", member));
}

tally tally_of(bot::services& svc, std::int64_t vote_id) {
  tally t;
  for (const auto& row : svc.db.votes.tally(vote_id))
    t[{row.building, row.choice}] = share{row.area_centi, row.heads, row.rooms};
  return t;
}

outcome result_of(const storage::vote_row& v, const tally& t) {
  return decide(counts_of(t, "", v.approve_option), v.matter, v.follow_majority);
}

}  // namespace domain::votes
