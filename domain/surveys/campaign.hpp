// Starting a satisfaction survey: the config's items copied onto it, every owner bound to a room of
// the community invited (their dialogues start at the first item), and the reminder scheduled.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "bot/job_kind.hpp"
#include "bot/services.hpp"
#include "storage/survey_store.hpp"

namespace domain::surveys {

// Job "survey.remind": [surveys] remind_hours before the deadline.
inline constexpr bot::id_job remind_timer{"survey.remind", "survey:"};

std::string survey_ref(std::int64_t id);  // "survey:3"

struct started {
  std::int64_t id = 0;
  std::vector<storage::bound_owner> invited;
};

started start_survey(bot::services& svc, storage::survey_store& store, storage::survey_row s);

// True while owners may answer.
bool is_open(const storage::survey_row& s, std::int64_t now_ms);

}  // namespace domain::surveys
