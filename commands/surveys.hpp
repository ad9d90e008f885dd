// Satisfaction surveys (满意度调查, every six months): a manager starts one from the config's
// template (`发起调查 2026下半年满意度 [截止 …]`), every bound owner is invited privately and
// answers item by item (commands/survey_dialogue); `调查 3` resumes for an owner and shows the
// progress to staff, `调查 3 结果` and `调查 3 意见` give managers the figures and the comments,
// `公示调查 3 计划…` publishes the summary and the improvement plan to the groups, and those who
// have not finished are reminded before the deadline.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace bot {
class feature_host;
}

namespace commands {

std::vector<bot::command_spec> survey_commands();
void install_surveys(bot::feature_host& host);  // "survey.remind", the dialogue's private-chat hook

}  // namespace commands
