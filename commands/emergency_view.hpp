// How an emergency reads: its title and advice (from the [emergency] templates), the broadcast
// text, and the acknowledgement figures staff ask for (紧急 5 确认情况) — households from the
// roster where there is one, people heard in the groups otherwise.
#pragma once
#include <cstdint>
#include <string>

#include "bot/message.hpp"
#include "bot/texts.hpp"
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

struct ack_totals {
  bool households = false;  // counted by roster household; else by person heard in the groups
  std::int64_t acked = 0;
  std::int64_t total = 0;
};
ack_totals count_acks(bot::services& svc, const storage::emergency_row& e);
std::string ack_totals_text(const bot::services& svc, bot::locale l, const ack_totals& t);

// The full report: overall, by building (and unit), by group.
std::string ack_report(bot::context& ctx, const storage::emergency_row& e);

}  // namespace commands
