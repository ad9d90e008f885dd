// Commands are declarative specs: an id, Chinese and English names, the least role that may run
// it, where it may run, and a handler. Usage and help texts are found by convention in the texts
// catalogue: `cmd.<id>.usage` and `cmd.<id>.summary` (a test checks both exist in both languages).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bot/role.hpp"

namespace bot {

class context;

struct token {
  std::string text;       // width-folded, quotes removed
  std::size_t begin = 0;  // offsets in the original body
  std::size_t end = 0;
};

struct args {
  std::vector<token> tokens;  // after the command name
  std::string body;           // original text the offsets refer to
  std::string invoked_name;   // which name the user typed
  bool addressed = false;     // prefix, @-mention or private chat; false for a bare word in a group
  bool prefixed = false;      // typed with / # ！ (QQ adds an @ of the bot to any reply quoting it)
  // Said by staff in a staff or managers' group without "/" or an @: a command all the same, but a
  // broadcast to many groups waits for 确认发送 (commands/broadcast_confirm).
  bool spoken = false;

  std::size_t size() const { return tokens.size(); }
  bool empty() const { return tokens.empty(); }
  const std::string& operator[](std::size_t i) const { return tokens[i].text; }
  // The original text from token `from` to the end (free text such as a description), trimmed.
  std::string rest(std::size_t from) const;
};

// An expected failure: a text for the user. `usage` marks arguments that did not parse; a bare
// Chinese word in a group that fails this way was ordinary chat and gets no reply at all.
struct failure {
  std::string text;
  bool usage = false;
};
using command_result = std::optional<failure>;
using command_handler = std::function<command_result(context&, const args&)>;

enum class chat_rule { anywhere, group_only, direct_only };

struct command_spec {
  std::string id;               // "ticket.show"; texts cmd.<id>.usage / cmd.<id>.summary
  std::vector<std::string> zh;  // Chinese names, first one is shown
  std::vector<std::string> en;  // English names (may have two words: "group register"), first is shown
  std::string topic;            // help section: "tickets", "account", ...
  role min_role = role::resident;
  chat_rule where = chat_rule::anywhere;
  bool bare_in_group = true;  // the bare Chinese name (no prefix, no @) starts it in a group
  command_handler run;
  // For a bare group invocation: do the arguments look like this command at all? When they do
  // not ("完成，谢谢大家"), the message is chat and gets no reply, not even a refusal.
  std::function<bool(const args&)> bare_match = {};
  // The sender must stay unknown (the suggestion box): the dispatcher records no activity of
  // theirs and replies to them leave no trace in the outbox once delivered.
  bool anonymous = false;
};

}  // namespace bot
