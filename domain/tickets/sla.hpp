// Service targets and dispatch modes from [tickets] in the config: when a ticket's first
// response and fix are due, and how a new ticket finds its handler. The config's keys are the
// vocabulary's text forms ("urgent", "elevator.urgent", "complaint").
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "bot/config.hpp"
#include "domain/ticket_types.hpp"

namespace domain::tickets {

struct sla_due {
  std::int64_t respond_at = 0;
  std::int64_t resolve_at = 0;
};

// Repairs by category and priority; complaints and suggestions by kind (an urgent complaint is
// treated as an urgent repair).
bot::sla_target sla_for(const bot::tickets_config& cfg, domain::ticket_kind kind,
                        domain::ticket_category category, domain::ticket_priority priority);
// Due times counted from `from_ms`; "same day" ends at local midnight, never before the response.
sla_due due_times(const bot::config& cfg, domain::ticket_kind kind, domain::ticket_category category,
                  domain::ticket_priority priority, std::int64_t from_ms);

enum class dispatch_mode { manual, grab, round_robin };
dispatch_mode dispatch_for(const bot::tickets_config& cfg, domain::ticket_kind kind,
                           domain::ticket_category category);

}  // namespace domain::tickets
