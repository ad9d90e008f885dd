// Group messages that are no command, in one place because they compete: during an open emergency
// everyday acknowledgements ("收到了") are counted silently and complaint offers stay away (every
// owner saying "停电了" would otherwise bury the emergency under offers); otherwise chat that reads
// like a repair or complaint gets one offer to register it — also when someone @-mentions the bot
// with it instead of getting "没有这个命令".
#pragma once
#include "bot/dispatcher.hpp"

namespace commands {

// The dispatcher's on_chatter hook.
bool on_group_chatter(bot::context& ctx, const bot::chatter& c);

}  // namespace commands
