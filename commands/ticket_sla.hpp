// Service targets and dispatch modes from [tickets] in the config: when a ticket's first
// response and fix are due, and how a new ticket finds its handler.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "bot/config.hpp"

namespace commands {

struct sla_due {
  std::int64_t respond_at = 0;
  std::int64_t resolve_at = 0;
};

// Repairs by category and priority; complaints and suggestions by kind (an urgent complaint is
// treated as an urgent repair).
bot::sla_target sla_for(const bot::tickets_config& cfg, std::string_view kind, std::string_view category,
                        std::string_view priority);
// Due times counted from `from_ms`; "same day" ends at local midnight, never before the response.
sla_due due_times(const bot::config& cfg, std::string_view kind, std::string_view category,
                  std::string_view priority, std::int64_t from_ms);

enum class dispatch_mode { manual, grab, round_robin };
dispatch_mode dispatch_for(const bot::tickets_config& cfg, std::string_view kind, std::string_view category);

}  // namespace commands
