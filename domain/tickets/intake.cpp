#include "domain/tickets/intake.hpp"

#include "bot/utf8.hpp"
#include "domain/tickets/category.hpp"
#include "storage/stores.hpp"

namespace domain::tickets {
namespace {

// Complaints about the service itself rather than something broken.
bool sounds_like_complaint(std::string_view text) {
  return bot::utf8::contains_any(text, {"投诉", "没人管", "没人修", "态度", "乱收费", "不作为"});
}

}  // namespace

storage::ticket_row ticket_of(storage::stores& db, const report& r) {
  std::optional<units::unit_address> where = r.where;
  if (!where && r.home && r.kind == ticket_kind::repair)
    where = r.home;  // a bound owner need not type the room
  storage::ticket_row t;
  t.community_id = r.community_id;
  t.kind = r.kind;
  t.category = guess_category(r.description);
  t.priority =
      r.kind == ticket_kind::suggestion ? ticket_priority::normal : guess_priority(t.category, r.description);
  t.description = r.description;
  if (where) {
    t.location = where->canonical();
    t.building = where->building;
    if (where->has_room())
      if (auto u = db.units.find(r.community_id, where->building, where->unit, where->room))
        t.unit_id = u->id;
  } else {
    t.building = units::find_building(r.description);
  }
  t.reporter_id = r.reporter_id;
  t.origin_chat = r.origin_chat;
  t.origin_message_id = r.origin_message_id;
  t.created_at = r.at;
  t.lang = r.lang;
  return t;
}

domain::ticket_kind offered_kind(std::string_view text) {
  const ticket_priority priority = guess_priority(guess_category(text), text);
  return priority != ticket_priority::urgent && sounds_like_complaint(text) ? ticket_kind::complaint
                                                                            : ticket_kind::repair;
}

}  // namespace domain::tickets
