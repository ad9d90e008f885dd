// A survey's figures as managers read them (调查 3 结果: response per building, each item's mean,
// distribution and change) and as the groups read them (公示调查: the means, the response rate and
// the improvement plan, in parts when long).
#pragma once
#include <string>
#include <vector>

#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "domain/surveys/results.hpp"
#include "storage/survey_store.hpp"

namespace commands {

domain::surveys::survey_results results_of(bot::services& svc, const storage::survey_row& s);

// `scores`: the items' figures and the comments' count too (after the deadline).
std::string survey_report(const bot::services& svc, bot::locale l, const storage::survey_row& s,
                          const domain::surveys::survey_results& r, int comments, bool scores);
std::vector<std::string> survey_publication(const bot::services& svc, bot::locale l,
                                            const storage::survey_row& s,
                                            const domain::surveys::survey_results& r, const std::string& plan);

}  // namespace commands
