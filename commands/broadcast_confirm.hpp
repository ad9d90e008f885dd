// Staff write naturally in their own groups ("紧急 小区东门主水管爆裂 …" without "/"), and a slip of
// the keyboard must not reach owners: a notice or emergency said that way is held — "将发送到 12 个群，
// 回复“确认发送”发出" — until the same person confirms it in the same chat within a few minutes.
// Typed with "/" or an @ of the bot, or privately, it goes at once.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "bot/command.hpp"

namespace bot {
class context;
}

namespace commands {

// True when the command was held and its author told how to send it. `words`: what to run on
// 确认发送 when it is not the message as typed (a relative time already resolved: "明天 9:00" said
// at 23:58 must not move a day when confirmed at 00:03).
bool held_for_confirmation(bot::context& ctx, const bot::args& a, std::size_t groups,
                           const std::string& words = {});

std::vector<bot::command_spec> broadcast_confirm_commands();  // 确认发送

}  // namespace commands
