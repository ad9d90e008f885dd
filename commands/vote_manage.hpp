// Managers run a vote: `投票提醒 7` reminds the owners of rooms that have not voted (privately, and
// with counts per building in the groups), `投票导出 7` writes every ballot to a CSV file beside the
// database for the record, and the deadline closes the vote and publishes its result.
#pragma once
#include <cstdint>

#include "bot/command.hpp"
#include "bot/services.hpp"

namespace bot {
class context;
class feature_host;
}  // namespace bot

namespace commands {

bot::command_result remind_vote_command(bot::context& ctx, const bot::args& a);
bot::command_result export_vote_command(bot::context& ctx, const bot::args& a);
// Job "vote.close": closes the vote and sends the result to its groups.
void close_vote(bot::services& svc, std::int64_t vote_id);

}  // namespace commands
