// 统计 [员工] [今天|本周|本月|上月|今年|2026-11|2026-11-01~2026-11-15]: managers read the figures
// of a period (domain/stats/figures) — counts, the most common problems, response and resolution
// times, SLA breaches, ratings, complaints against the baseline and the reduction goal, and the
// period's notices, emergencies, visits, votes and surveys; `统计 员工` gives per-staff load and
// speed. Staff who ask see their own line. Asked in an owners' group, answered privately.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "bot/command.hpp"
#include "bot/config.hpp"
#include "bot/services.hpp"
#include "commands/report_period.hpp"
#include "domain/stats/figures.hpp"

namespace commands {

std::vector<bot::command_spec> stats_commands();

// What complaints in `p` are compared with ([stats] baseline), up to `now` for a running period.
std::optional<storage::period_span> baseline_of(const bot::services& svc, std::int64_t community,
                                                const period& p, std::int64_t now);
void check_stats_settings(const bot::config& cfg);  // throws bot::config_error naming the key

// Wording shared with the digest.
std::string problems_text(const bot::services& svc, bot::locale l,
                          const std::vector<domain::stats::problem>& ps);
std::string complaints_text(const bot::services& svc, bot::locale l, const domain::stats::complaint_goal& g);
std::string category_name(const bot::services& svc, bot::locale l, const std::string& category);
std::string stats_percent(std::int64_t part, std::int64_t whole);  // "12%", rounded; "0%" of nothing
std::string average_rating(const bot::services& svc, bot::locale l, std::int64_t total,
                           std::int64_t n);  // "4.3"

}  // namespace commands
