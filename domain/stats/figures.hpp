// The figures of one community and period that 统计 shows and the digest summarises: counts by
// kind, state, category (with what the tickets are mostly about) and building; median and 90th
// percentile of first response and resolution; SLA breaches; ratings with the share of low ones;
// complaints against the baseline and the reduction goal; per-staff load and speed; and the
// period's notices, emergencies, visits, votes and surveys. Periods of more than a month are read
// from per-day sums (domain/stats/day_sums): the same counts, percentiles within 1%.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/services.hpp"
#include "domain/stats/complaint_goal.hpp"
#include "domain/stats/percentile.hpp"
#include "storage/stats_store.hpp"
#include "storage/ticket_store.hpp"

namespace domain::stats {

struct problem {
  std::string category;  // ticket category id
  std::int64_t n = 0;
  std::vector<std::string> words;  // what they are mostly about
};

struct staff_figures {
  std::int64_t member_id = 0;
  std::int64_t taken = 0, resolved = 0, late = 0;
  spread fix;
  std::int64_t rated = 0, rating_total = 0;
};

struct figures {
  storage::ticket_stats counts;
  std::vector<problem> problems;  // the five most common categories
  std::vector<std::pair<std::string, std::int64_t>> buildings;
  spread response, fix;
  std::int64_t low_ratings = 0;  // 1–2 stars
  std::optional<complaint_goal> complaints;
  storage::period_activity activity;
  std::vector<staff_figures> staff;  // most resolved first
};

// `baseline`: the span complaints are compared with, when there is one. `category_name` words a
// category id for the top-words filter.
figures gather(bot::services& svc, const storage::period_span& p,
               const std::optional<storage::period_span>& baseline,
               const std::function<std::string(const std::string&)>& category_name);

}  // namespace domain::stats
