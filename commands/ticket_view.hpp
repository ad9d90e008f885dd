// How tickets read in chat: one-line summaries for lists and the detail view with history.
// Groups never see a room number: the location is masked unless `full_location`.
#pragma once
#include <string>
#include <vector>

#include "bot/context.hpp"
#include "storage/ticket_store.hpp"

namespace commands {

std::string ticket_line(const bot::context& ctx, const storage::ticket_row& t);
std::string ticket_detail(const bot::context& ctx, const storage::ticket_row& t,
                          const std::vector<storage::ticket_event_row>& events, bool full_location);
std::string shown_location(const storage::ticket_row& t, bool full_location);  // "" when nothing may show
std::string category_label(const bot::context& ctx, const std::string& category, const std::string& priority);

}  // namespace commands
