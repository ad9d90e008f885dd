// Room numbers in folded text (see redact_fold.hpp): where they are and what a group reads
// instead ("3栋2单元", "***室").
#pragma once
#include <string_view>
#include <vector>

#include "bot/texts.hpp"
#include "domain/privacy/redact_fold.hpp"

namespace domain::privacy {

struct address_scan {
  bot::locale lang = bot::locale::zh_CN;
  // "3栋13楼" names a floor of a building, which in owners' chatter is someone's home; in what
  // staff broadcast ("3栋13楼至15楼停水") a floor is the news, so notices keep it. A floor with a
  // room ("3号楼2单元12楼01") is always a room. A public place on a floor ("3栋12楼楼道") stays.
  bool floors = true;
};

// Every address parse_unit_address reads with a room ("3-2-1201", "3栋1201", glued to the words
// around it); dotted and slashed ones ("3.2.1201", "3/2/1201"); a room alone with 室/号/房
// ("1201房"); a bare floor+room number ("1301": a floor, then 01-40) where the words around it
// make it a home: 楼上/楼下/隔壁/对门/住 before it, 家/业主/卫生间/门口…, or a person
// ("张先生") after it. Ticket numbers (#1201, 工单 1201), dates, times, amounts and counts stay.
std::vector<text_span> find_addresses(std::string_view folded, const address_scan& how);

}  // namespace domain::privacy
