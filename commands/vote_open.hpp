// Managers open votes (`发起投票 …`, see commands/vote_draft) and set the community's rule for
// unreturned ballots (`投票规则 随多数 开|关`, off by default).
#pragma once
#include "bot/command.hpp"

namespace bot {
class context;
}

namespace commands {

bot::command_result open_vote_command(bot::context& ctx, const bot::args& a);
bot::command_result vote_rules_command(bot::context& ctx, const bot::args& a);

}  // namespace commands
