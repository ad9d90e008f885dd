// Opening, casting and counting owners' votes. An assembly vote takes its electorate from the
// roster when it opens (one ballot per room, weighted by area, owners counted once however many
// rooms they hold); a poll takes one answer per person. A changed ballot replaces the old one until
// the deadline. The tally is updated with each cast (domain/votes/tally), so progress and results
// are read, not recounted.
//
// Secret votes (匿名) store each ballot under a keyed hash of its room or person made with the relay
// key ([suggestions] relay_key), without who cast it or when: nothing in the database ties a
// choice to a room without that key. A random per-run key would lose the link at a restart and
// count a changed ballot twice, so secret votes need a configured key.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/job_kind.hpp"
#include "bot/services.hpp"
#include "domain/votes/rule.hpp"
#include "domain/votes/tally.hpp"
#include "storage/vote_store.hpp"

namespace domain::votes {

// Job "vote.close": the deadline; announces the result in the vote's groups.
inline constexpr bot::id_job close_timer{"vote.close", "vote:"};

enum class open_problem { none, no_rooms, no_area, no_key };
struct opened {
  std::int64_t id = 0;
  open_problem problem = open_problem::none;
  std::int64_t rooms = 0;
};
// Stores the vote (row fields as the manager asked; id, follow_majority and created_at are set
// here), its electorate and tally, and schedules its close.
opened open_vote(bot::services& svc, storage::vote_row v);

// key_lost: a secret ballot cast before cannot be found under the present relay key.
enum class cast_problem { none, closed, not_in_vote, key_lost };
struct cast_result {
  cast_problem problem = cast_problem::none;
  int rooms = 0;                        // rooms (assembly) or 1 (poll) whose ballot this cast set
  bool replaced = false;                // a ballot was there before and is replaced
  std::vector<std::int64_t> co_owners;  // other members bound to those rooms, to be told
};
// An owner's ballot for the given rooms (bound to `member`, checked by the caller).
cast_result cast_rooms(bot::services& svc, const storage::vote_row& v, std::int64_t member,
                       const std::vector<std::int64_t>& unit_ids, const std::vector<int>& choices);
// A person's answer to a poll.
cast_result cast_person(bot::services& svc, const storage::vote_row& v, std::int64_t member,
                        const std::vector<int>& choices);

// The ballot standing for a room or a person (for their own eyes: secret ones are found by the key).
std::optional<storage::ballot_row> ballot_for_room(bot::services& svc, const storage::vote_row& v,
                                                   std::int64_t unit);
std::optional<storage::ballot_row> ballot_for_person(bot::services& svc, const storage::vote_row& v,
                                                     std::int64_t member);

tally tally_of(bot::services& svc, std::int64_t vote_id);
// The rule applied to the whole vote (assembly votes).
outcome result_of(const storage::vote_row& v, const tally& t);
bool is_open(const storage::vote_row& v, std::int64_t now_ms);

}  // namespace domain::votes
