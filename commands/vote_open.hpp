// Managers open votes (`发起投票 …`, see commands/vote_draft) and set the community's rule for
// unreturned ballots (`投票规则 随多数 开|关`, off by default).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "bot/command.hpp"
#include "commands/vote_draft.hpp"

namespace bot {
class context;
}

namespace commands {

bot::command_result open_vote_command(bot::context& ctx, const bot::args& a);
// What 发起投票 does once its words are read: stores, announces and replies; `id` is the new vote's.
bot::command_result open_drafted_vote(bot::context& ctx, const std::optional<std::string>& building,
                                      const vote_draft& d, std::int64_t& id);
bot::command_result vote_rules_command(bot::context& ctx, const bot::args& a);

}  // namespace commands
