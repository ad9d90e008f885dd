// Owners' votes: the vote, its electorate of rooms (assembly votes), its ballots and its running
// tally. Secret ballots are stored under a keyed hash (domain/votes/ballot_box) with no caster and
// no time; this store never sees who that was.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace storage {

struct vote_row {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::optional<std::string> building;  // nullopt: the whole community
  bool assembly = false;                // an owners' assembly vote (Art. 278); else a poll
  int matter = 0;                       // Art. 278 item 1–9 (assembly votes)
  std::string title;
  std::vector<std::string> options;
  int approve_option = 0;
  bool multiple = false;
  bool secret = false;
  bool follow_majority = false;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  std::int64_t deadline = 0;
  std::optional<std::int64_t> closed_at;
};

struct vote_room_row {
  std::int64_t unit_id = 0;
  std::string building;
  std::int64_t area_centi = 0;
  std::string owner_key;
  std::optional<std::int64_t> voted_at;
};

struct ballot_row {
  std::string slot;
  std::vector<int> choices;
  std::optional<std::int64_t> cast_by;  // open votes
  std::optional<std::int64_t> cast_at;  // open votes
};

struct tally_row {
  std::string building;
  int choice = 0;
  std::int64_t area_centi = 0, heads = 0, rooms = 0;
};

class vote_store {
 public:
  explicit vote_store(database& db) : db_(db) {}

  std::int64_t create(const vote_row& v);
  std::optional<vote_row> get(std::int64_t id);
  // Open ones first, then the most recently closed; at most `limit`.
  std::vector<vote_row> list(std::int64_t community_id, int limit);
  void close(std::int64_t id, std::int64_t at);

  void add_rooms(std::int64_t vote_id, const std::vector<vote_room_row>& rooms);
  std::vector<vote_room_row> rooms(std::int64_t vote_id);
  std::vector<vote_room_row> rooms_of_owner(std::int64_t vote_id, const std::string& owner_key);
  std::optional<vote_room_row> room(std::int64_t vote_id, std::int64_t unit_id);
  void mark_voted(std::int64_t vote_id, std::int64_t unit_id, std::int64_t at);

  std::optional<ballot_row> ballot(std::int64_t vote_id, const std::string& slot);
  void put_ballot(std::int64_t vote_id, const ballot_row& b);
  std::vector<ballot_row> ballots(std::int64_t vote_id);  // in slot order

  std::vector<tally_row> tally(std::int64_t vote_id);
  void add_tally(std::int64_t vote_id, const std::vector<tally_row>& delta);  // summed into the rows

  bool follow_majority(std::int64_t community_id);
  void set_follow_majority(std::int64_t community_id, bool on);

 private:
  vote_row read(statement& q);
  database& db_;
};

std::string choices_text(const std::vector<int>& choices);  // "0,2"
std::vector<int> parse_choices(const std::string& text);

}  // namespace storage
