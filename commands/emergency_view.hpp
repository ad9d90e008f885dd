// How an emergency reads: its title and advice (from the [emergency] templates), the broadcast
// text, and the acknowledgement figures staff ask for (紧急 5 确认情况; counted by
// domain/broadcast/emergency_acks).
#pragma once
#include <cstdint>
#include <string>

#include "bot/message.hpp"
#include "bot/texts.hpp"
#include "domain/broadcast/emergency_acks.hpp"
#include "storage/emergency_store.hpp"

namespace bot {
class context;
struct services;
struct emergency_template;
}  // namespace bot

namespace commands {

std::string emergency_title(const bot::services& svc, bot::locale l, const storage::emergency_row& e);
// "收到请回复“收到”。… 值班电话 400-…" — the line every emergency message ends with.
std::string emergency_help_line(const bot::services& svc, bot::locale l);
bot::outgoing render_alert(const bot::services& svc, bot::locale l, const storage::emergency_row& e);

std::string ack_totals_text(const bot::services& svc, bot::locale l, const domain::broadcast::ack_totals& t);

// The full report: overall, by building (and unit), by group.
std::string ack_report(bot::context& ctx, const storage::emergency_row& e);

}  // namespace commands
