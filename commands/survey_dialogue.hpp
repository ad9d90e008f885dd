// The private dialogue of a satisfaction survey: the invitation with the first item, one item at a
// time (a score 1–5 or 跳过), then a free comment. Where an owner stands is stored after each
// answer, so the dialogue resumes where they stopped — after other commands, days or a restart.
// A private message within an hour of the question is read as its answer (a score, 跳过, or the
// comment; anything else gets the question again); later ones are left to the other features — a
// "5" days later may rate a ticket — until the owner resumes with 调查 or a reminder asks again.
#pragma once
#include <string>
#include <vector>

#include "bot/chat_hooks.hpp"
#include "bot/command.hpp"
#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "storage/survey_store.hpp"

namespace bot {
class context;
}

namespace commands {

std::string deadline_text(const bot::services& svc, std::int64_t at);  // "2026-12-20 18:00", local
bot::locale dialogue_locale(const bot::services& svc, const storage::survey_invite_row& i);
std::string survey_item_name(bot::locale l, const storage::survey_item_row& item);
// What the dialogue asks at `next_item` (an item, or the comment after the last).
std::string survey_question(const bot::services& svc, bot::locale l, const storage::survey_row& s,
                            const std::vector<storage::survey_item_row>& items, int next_item);
std::string survey_invitation(const bot::services& svc, bot::locale l, const storage::survey_row& s,
                              const std::vector<storage::survey_item_row>& items);

bool on_survey_answer(bot::context& ctx, const bot::chatter& c);
// 调查 3 said by an owner: a bound owner not yet invited joins; the dialogue goes on privately.
bot::command_result resume_survey(bot::context& ctx, const storage::survey_row& s);

}  // namespace commands
