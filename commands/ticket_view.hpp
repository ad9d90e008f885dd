// How tickets read in chat: one-line summaries for lists and the detail view with history.
// Groups never see a room number: the location is masked unless `full_location`, and free text
// that goes into a group passes redact_for_group.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/context.hpp"
#include "domain/privacy/redact.hpp"
#include "storage/ticket_store.hpp"

namespace commands {

std::string ticket_line(const bot::context& ctx, const storage::ticket_row& t);
// For staff lists: the place (masked unless `full_location`), state, who has it and what is due next.
std::string ticket_work_line(const bot::context& ctx, const storage::ticket_row& t, bool full_location);

// Staff views (a ticket with its internal notes, lists of everyone's tickets, statistics) never
// show in an owners' group — nor in a group nobody registered, which may be one: they go to the
// sender privately, and the group hears one line saying so.
bool staff_view_goes_private(const bot::context& ctx);
void reply_staff_view(bot::context& ctx, const std::string& text);
// `staff_view` also shows staff-internal notes (reasons for returning or transferring).
std::string ticket_detail(const bot::context& ctx, const storage::ticket_row& t,
                          const std::vector<storage::ticket_event_row>& events, bool full_location,
                          bool staff_view = false);
// A member's display name, or "ticket.nobody" when there is no one (or no name).
std::string member_name(const bot::services& svc, bot::locale l, std::optional<std::int64_t> member_id);
// "" when nothing may show.
std::string shown_location(const storage::ticket_row& t, bool full_location, bot::locale l);
std::string category_label(const bot::context& ctx, domain::ticket_category category,
                           domain::ticket_priority priority);
// The next due time that matters: the first response until there is one, then the fix.
std::optional<std::int64_t> next_due(const storage::ticket_row& t);

}  // namespace commands
