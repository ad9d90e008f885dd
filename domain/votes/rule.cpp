#include "domain/votes/rule.hpp"

namespace domain::votes {
namespace {

// part ≥ 2/3 · total, for area and heads alike. An empty electorate decides nothing.
bool quorate(const share& total, const share& part) {
  if (total.heads == 0) return false;
  return part.area_centi * 3 >= total.area_centi * 2 && part.heads * 3 >= total.heads * 2;
}

bool approves(const share& part, const share& yes, int matter) {
  if (needs_three_quarters(matter))
    return yes.area_centi * 4 >= part.area_centi * 3 && yes.heads * 4 >= part.heads * 3;
  return yes.area_centi * 2 > part.area_centi && yes.heads * 2 > part.heads;
}

}  // namespace

bool needs_three_quarters(int matter) {
  return matter >= 6 && matter <= 8;
}

bool valid_matter(int matter) {
  return matter >= 1 && matter <= 9;
}

outcome decide(const counts& raw, int matter, bool follow_majority) {
  outcome o;
  o.raw = raw;
  o.counted = raw;
  if (follow_majority && raw.participating.heads > 0) {
    const share unreturned{raw.total.area_centi - raw.participating.area_centi,
                           raw.total.heads - raw.participating.heads,
                           raw.total.rooms - raw.participating.rooms};
    if (approves(raw.participating, raw.yes, matter)) {
      o.counted.yes.area_centi += unreturned.area_centi;
      o.counted.yes.heads += unreturned.heads;
      o.counted.yes.rooms += unreturned.rooms;
    }
    o.counted.participating = raw.total;
    o.adjusted = true;
  }
  o.quorum = quorate(o.counted.total, o.counted.participating);
  o.passed = o.quorum && approves(o.counted.participating, o.counted.yes, matter);
  return o;
}

}  // namespace domain::votes
