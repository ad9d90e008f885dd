// Civil Code Art. 278, counted exactly: areas in 0.01 m², headcounts in owners, cross-multiplied in
// integers, never divided. Participation is valid iff the participating area AND headcount are each
// at least 2/3 of the totals ("以上" includes the bound); matters (6)–(8) pass iff the approving area
// AND headcount are each at least 3/4 of the participating ones; every other matter iff each is more
// than half of them ("过半数" is strict). A community may let unreturned ballots follow the returned
// majority (off by default); the raw counts are always kept beside what was counted.
#pragma once
#include <cstdint>

namespace domain::votes {

struct share {
  std::int64_t area_centi = 0;
  std::int64_t heads = 0;
  std::int64_t rooms = 0;  // shown, never part of the rule
};

struct counts {
  share total;          // the electorate
  share participating;  // who returned a ballot
  share yes;            // who approved
};

// Art. 278 (1)–(9); (6) raising maintenance funds, (7) rebuilding, (8) changing the use of common
// parts need three quarters.
bool needs_three_quarters(int matter);
bool valid_matter(int matter);

struct outcome {
  counts raw;
  counts counted;         // raw, or with the unreturned ballots added when `adjusted`
  bool adjusted = false;  // the unreturned-ballot switch was applied
  bool quorum = false;
  bool passed = false;
};

// `follow_majority`: unreturned ballots join the approving side when the returned ballots alone
// would approve by the matter's rule, and the other side when they would not.
outcome decide(const counts& raw, int matter, bool follow_majority);

}  // namespace domain::votes
