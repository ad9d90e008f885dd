// Plain sentences in private chat, which are never answered "没有这个命令": a problem becomes a
// ticket when its meaning is clear (with "不对请回复 取消工单 N") or gets the offer to register it;
// a question is pointed at what answers it; thanks and greetings are answered; anything else gets
// what the bot can do. A typo of a command is left to the dispatcher's "did you mean".
#pragma once
#include "bot/chat_hooks.hpp"

namespace commands {

// The dispatcher's on_direct hook (after the survey dialogue's).
bool on_direct_words(bot::context& ctx, const bot::chatter& c);

}  // namespace commands
