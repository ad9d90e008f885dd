#include "domain/tickets/sla.hpp"

#include <algorithm>

#include "bot/clock.hpp"
#include "bot/local_time.hpp"

namespace domain::tickets {
namespace {

using bot::day_ms;
using bot::minute_ms;
using domain::to_text;

const bot::sla_target* find(const bot::tickets_config& cfg, const std::string& key) {
  auto it = cfg.sla.find(key);
  return it == cfg.sla.end() ? nullptr : &it->second;
}

}  // namespace

bot::sla_target sla_for(const bot::tickets_config& cfg, domain::ticket_kind kind,
                        domain::ticket_category category, domain::ticket_priority priority) {
  if (kind != domain::ticket_kind::repair && priority != domain::ticket_priority::urgent)
    if (const auto* t = find(cfg, std::string(to_text(kind)))) return *t;
  if (const auto* t = find(cfg, std::string(to_text(category)) + "." + std::string(to_text(priority))))
    return *t;
  if (const auto* t = find(cfg, std::string(to_text(priority)))) return *t;
  return {24 * 60, 3 * 24 * 60};
}

sla_due due_times(const bot::config& cfg, domain::ticket_kind kind, domain::ticket_category category,
                  domain::ticket_priority priority, std::int64_t from_ms) {
  bot::sla_target target = sla_for(cfg.tickets, kind, category, priority);
  sla_due d;
  d.respond_at = from_ms + target.respond_minutes * minute_ms;
  if (target.resolve_minutes > 0) {
    d.resolve_at = from_ms + target.resolve_minutes * minute_ms;
  } else {
    const bot::local_time_zone tz{cfg.community.utc_offset_minutes};
    d.resolve_at = tz.day_start(from_ms) + day_ms - minute_ms;  // 23:59 local
  }
  d.resolve_at = std::max(d.resolve_at, d.respond_at);
  return d;
}

dispatch_mode dispatch_for(const bot::tickets_config& cfg, domain::ticket_kind kind,
                           domain::ticket_category category) {
  auto mode = [&](const std::string& key) -> const std::string* {
    auto it = cfg.dispatch.find(key);
    return it == cfg.dispatch.end() ? nullptr : &it->second;
  };
  const std::string* m = kind == domain::ticket_kind::repair ? nullptr : mode(std::string(to_text(kind)));
  if (!m) m = mode(std::string(to_text(category)));
  if (!m) m = mode("default");
  if (!m || *m == "grab") return dispatch_mode::grab;
  return *m == "manual" ? dispatch_mode::manual : dispatch_mode::round_robin;
}

}  // namespace domain::tickets
