// 投票: owners vote (`投票 7 同意`, `投票 7 1`, `投票 7 1,3`, `投票 7 3-2-1201 反对`), see a vote
// (`投票 7`: progress, their own ballot in private, the result once closed), list votes (`投票`,
// `投票列表`), and managers see the per-building details (`投票 7 明细`). In a group the reply says
// only that a ballot arrived, never what it was.
#pragma once
#include <optional>

#include "bot/command.hpp"
#include "storage/vote_store.hpp"

namespace bot {
class context;
}

namespace commands {

bot::command_result vote_command(bot::context& ctx, const bot::args& a);
bot::command_result list_votes(bot::context& ctx, const bot::args& a);
// A vote the sender may see: one of the chat's community (in private chat also of the communities
// of their rooms; admins any).
std::optional<storage::vote_row> visible_vote(const bot::context& ctx, std::int64_t id);
// A vote the sender's role in this chat's community lets them manage (admins any).
std::optional<storage::vote_row> managed_vote(const bot::context& ctx, std::int64_t id);

}  // namespace commands
