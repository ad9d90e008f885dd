#include "domain/tickets/intake.hpp"

#include "domain/intent/classifier.hpp"
#include "domain/tickets/category.hpp"
#include "domain/units/place_finder.hpp"
#include "storage/stores.hpp"

namespace domain::tickets {

storage::ticket_row ticket_of(storage::stores& db, const report& r) {
  storage::ticket_row t;
  std::optional<units::unit_address> where = r.where;
  if (!where) {
    if (auto named = units::find_place(r.description)) {
      if (named->address && named->address->has_room()) {
        where = named->address;
      } else {
        t.location = named->words;  // a common place: "地下车库B区", "5栋电梯"
        if (named->address) t.building = named->address->building;
      }
    }
  }
  // Words that name a floor or a spot but no building ("3楼楼道") are in the group's building, or for
  // a repair in the reporter's own.
  if (!where && !t.building) {
    if (r.group_building)
      t.building = r.group_building;
    else if (r.home && r.kind == ticket_kind::repair && t.location.empty())
      where = r.home;  // a bound owner need not type the room
    else if (r.home && r.kind == ticket_kind::repair)
      t.building = r.home->building;
  }
  t.community_id = r.community_id;
  t.kind = r.kind;
  t.category = intent::builtin_classifier().read(r.description).category;
  t.priority =
      r.kind == ticket_kind::suggestion ? ticket_priority::normal : guess_priority(t.category, r.description);
  t.description = r.description;
  if (where) {
    t.location = where->canonical();
    t.building = where->building;
    if (where->has_room())
      if (auto u = db.units.find(r.community_id, where->building, where->unit, where->room))
        t.unit_id = u->id;
  }
  t.reporter_id = r.reporter_id;
  t.origin_chat = r.origin_chat;
  t.origin_message_id = r.origin_message_id;
  t.created_at = r.at;
  t.lang = r.lang;
  return t;
}

}  // namespace domain::tickets
