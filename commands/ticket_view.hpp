// How tickets read in chat: one-line summaries for lists and the detail view with history.
// Groups never see a room number: the location is masked unless `full_location`, and free text
// that goes into a group passes redact_for_group.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/context.hpp"
#include "storage/ticket_store.hpp"

namespace commands {

std::string ticket_line(const bot::context& ctx, const storage::ticket_row& t);
// For staff lists: masked place, state, who has it and what is due next.
std::string ticket_work_line(const bot::context& ctx, const storage::ticket_row& t);
// `staff_view` also shows staff-internal notes (reasons for returning or transferring).
std::string ticket_detail(const bot::context& ctx, const storage::ticket_row& t,
                          const std::vector<storage::ticket_event_row>& events, bool full_location,
                          bool staff_view = false);
std::string shown_location(const storage::ticket_row& t, bool full_location);  // "" when nothing may show
std::string category_label(const bot::context& ctx, const std::string& category, const std::string& priority);
// Masks what owners must never see in a group: full room numbers ("3-2-1201" → "3栋2单元") and
// long digit runs such as phone numbers.
std::string redact_for_group(std::string_view text);
// The building named in free text ("3栋电梯又坏了" → "3"), for chat turned into a ticket.
std::optional<std::string> find_building(std::string_view text);
// The next due time that matters: the first response until there is one, then the fix.
std::optional<std::int64_t> next_due(const storage::ticket_row& t);

}  // namespace commands
