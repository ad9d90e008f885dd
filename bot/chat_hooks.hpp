// What features that react to more than commands plug into the dispatcher: group chat that is no
// command (an offer to register a complaint, an acknowledgement of an emergency), private messages
// that are no command (an answer in a survey dialogue) and people who join a group (a welcome).
// Each runs inside the dispatcher's transaction.
#pragma once
#include <functional>
#include <string_view>
#include <vector>

namespace bot {

class context;
struct member_joined;

// A group or private message that is no command.
struct chatter {
  std::string_view text;  // without an @ of the bot or a prefix
  // Someone asked the bot (a prefix, or an @ that is not QQ's @ in front of a reply quoting the
  // bot); unless a hook answers, they are told there is no such command.
  bool addressed = false;
};

// True when the hook took care of the message (answered it, or recorded it silently).
using chatter_hook = std::function<bool(context&, const chatter&)>;
using join_hook = std::function<void(context&, const member_joined&)>;

struct dispatch_hooks {
  std::vector<chatter_hook> on_chatter;  // group messages: asked in order until one takes care of one
  std::vector<chatter_hook> on_direct;   // private messages: the same
  std::vector<join_hook> on_joined;      // all of them, in order
};

}  // namespace bot
