#include "domain/surveys/campaign.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "storage/stores.hpp"

namespace domain::surveys {

std::string survey_ref(std::int64_t id) {
  return remind_timer.ref(id);
}

started start_survey(bot::services& svc, storage::survey_store& store, storage::survey_row s) {
  const std::int64_t now = svc.clk.now_ms();
  s.created_at = now;
  std::vector<std::pair<std::string, std::string>> items;
  for (const auto& i : svc.cfg.surveys.items) items.emplace_back(i.zh, i.en);
  started out;
  out.id = store.create(s, items);
  for (const auto& owner : store.bound_owners(s.community_id))
    if (store.invite(out.id, owner, std::nullopt, now)) out.invited.push_back(owner);
  const std::int64_t remind_at = s.deadline - std::int64_t{svc.cfg.surveys.remind_hours} * 3'600'000;
  if (svc.cfg.surveys.remind_hours > 0 && remind_at > now)
    svc.db.jobs.schedule(remind_timer.name, remind_timer.ref(out.id), remind_at, "{}", now);
  return out;
}

bool is_open(const storage::survey_row& s, std::int64_t now_ms) {
  return now_ms < s.deadline;
}

}  // namespace domain::surveys
