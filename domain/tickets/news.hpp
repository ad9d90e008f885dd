// What the ticket desk tells people, as the desk decides it: which news, to whom (domain/tickets/
// notify.cpp). How the news reads is the feature's texts, handed to the desk as a `news`
// (commands/ticket_news), so that the rules name no text.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "domain/tickets/action.hpp"
#include "domain/tickets/flow.hpp"
#include "domain/tickets/sla.hpp"
#include "storage/member_store.hpp"
#include "storage/ticket_store.hpp"

namespace domain::tickets {

// What staff hear of a change to a ticket of theirs.
enum class staff_news { assigned, reopened, cancelled, urged, urged_pool, rated, returned };
inline constexpr staff_news all_staff_news[] = {
    staff_news::assigned,   staff_news::reopened, staff_news::cancelled, staff_news::urged,
    staff_news::urged_pool, staff_news::rated,    staff_news::returned};

// One change, as its news reads it.
struct change {
  const storage::ticket_row& ticket;  // as it is after the change
  ticket_action action;
  const actor& who;
  const act_input& in;
  const std::optional<storage::member_row>& assignee;
};

// The wording of every message the desk sends, in one language each.
class news {
 public:
  virtual ~news() = default;
  // A new ticket, for staff: `assignee` when round robin found one, else how it is taken.
  virtual std::string opened(const bot::services& svc, bot::locale l, const storage::ticket_row& t,
                             const std::optional<storage::member_row>& assignee,
                             dispatch_mode mode) const = 0;
  // What the reporter hears of a change someone else made.
  virtual std::string to_reporter(const bot::services& svc, bot::locale l, const change& c) const = 0;
  virtual std::string to_staff(const bot::services& svc, bot::locale l, staff_news what,
                               const change& c) const = 0;
  // One late ticket, for the managers: its first response (`response_late`) or its fix was due at `due`.
  virtual std::string escalated(const bot::services& svc, bot::locale l, const storage::ticket_row& t,
                                bool response_late, std::int64_t due, std::int64_t now) const = 0;
  // Many late at once (after downtime, say), in one message.
  virtual std::string escalated_many(const bot::services& svc, bot::locale l,
                                     const std::vector<std::int64_t>& ticket_ids) const = 0;
};

}  // namespace domain::tickets
