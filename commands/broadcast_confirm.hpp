// Staff write naturally in their own groups ("紧急 小区东门主水管爆裂 …" without "/"), and a slip of
// the keyboard must not reach every owner: a notice or emergency said that way to more than one
// group is held — "将发送到 12 个群，回复“确认发送”发出" — until the same person confirms it in the
// same chat within a few minutes. Typed with "/" or an @ of the bot, or privately, it goes at once.
#pragma once
#include <cstddef>
#include <vector>

#include "bot/command.hpp"

namespace bot {
class context;
}

namespace commands {

// True when the command was held and its author told how to send it.
bool held_for_confirmation(bot::context& ctx, const bot::args& a, std::size_t groups);

std::vector<bot::command_spec> broadcast_confirm_commands();  // 确认发送

}  // namespace commands
