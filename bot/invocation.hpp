// Turns a chat message into command words: strips an @-mention of the bot and a prefix
// (/ # ！ !), folds full-width characters, and splits on spaces and commas while keeping "quoted"
// and “中文引号” arguments whole.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "bot/command.hpp"

namespace bot {

class registry;
struct command_match;

struct invocation {
  bool addressed = false;  // a prefix, an @-mention of the bot or a direct chat: clearly meant for the bot
  bool prefixed = false;   // typed with / # ！: a command on purpose (an @ alone may be QQ quoting the bot)
  std::string body;        // the text after any mention and prefix
  std::vector<token> tokens;
};

std::vector<token> tokenize(std::string_view body);

// "@李师傅" or "＠李师傅" → "李师傅"; a word without an @ comes back as it is.
std::string_view strip_at(std::string_view word);

invocation parse_invocation(std::string_view text, bool direct_chat, bool addressed_to_bot,
                            const std::vector<std::string>& bot_names);

// "工单12" → "工单" "12"; "报修3-2-1201漏水" → "报修" "3-2-1201漏水". Glued Chinese text after a
// name ("投票的事") is split only when the message is addressed to the bot.
void split_glued_name(invocation& inv, const registry& commands);
// The arguments a matched command gets: the tokens after its name, the body they point into.
args arguments(const invocation& inv, const command_match& match);

}  // namespace bot
