// Plain value types that every adapter, command and store shares: where a message came from,
// who sent it, what it says, and what the bot wants to send back. No I/O, no library types.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "bot/role.hpp"

namespace bot {

enum class chat_kind { direct, group };

// Where a message came from and where replies go. `account` names the bot account on platforms
// where one estatebot serves several (OneBot self_id, a bridge's network); it is empty otherwise.
struct chat_ref {
  std::string platform;
  std::string account;
  chat_kind kind = chat_kind::group;
  std::string id;

  bool is_group() const { return kind == chat_kind::group; }
  std::string key() const;  // "onebot/10001/group/880001": the rate-limit and dedupe key of a chat
  friend bool operator==(const chat_ref&, const chat_ref&) = default;
};

struct user_ref {
  std::string platform;
  std::string id;
  std::string name;  // display name as the platform showed it; may be empty
  // The account's own name where the platform also has per-group names (QQ: the nickname beside
  // the group card); `name` is the card when there is one, else this. Empty elsewhere.
  std::string nickname = {};
};

struct image_ref {
  std::string reference;  // the platform's own reference (file id, URL) so staff can open it
};

// Someone @-mentioned in a message or to be @-mentioned in a reply.
struct mention {
  std::string user_id;
  std::string name;  // as the platform showed it; may be empty (go-cqhttp's [CQ:at,qq=...])
};

struct message {
  std::string id;  // platform message id, unique per (platform, account)
  chat_ref chat;
  std::string chat_title;  // group name when the platform tells it
  user_ref sender;
  std::string text;               // plain text, mentions of the bot and markup removed; other
                                  // people's mentions stay in it as "@name" (or "@<user id>")
  bool addressed_to_bot = false;  // @-mentioned the bot or quoted one of its messages
  // addressed_to_bot came only from quoting (引用) one of the bot's messages: QQ inserts an @ of the
  // quoted author, so "收到" in reply to an alert carries an @ of the bot that nobody typed. Such
  // a message answers the bot; it is not an explicit call, and commands should treat it like a
  // bare group message (a silent acknowledgement, no "unknown command"). Only OneBot sets it.
  bool addressed_by_quote_only = false;
  // Platform mentions of people other than the bot, in order, with their user ids: "@王师傅" in
  // `text` is resolved through these first (a QQ @ picked from the member list), then by name.
  std::vector<mention> mentions;
  std::int64_t unix_ms = 0;  // platform time when known (platform_time_ms), else 0
  std::string quoted_id;     // platform id of a message this one replies to, if any
  std::vector<image_ref> images;
  // The role the sender says they play. Honoured only from adapters that vouch for it (a local
  // terminal, whose user may try every role: adapters::adapter::vouches_for_roles).
  std::optional<role> claimed_role;
};

// What the bot sends into one chat. Adapters render it in their platform's format.
struct outgoing {
  static outgoing plain(std::string text) {
    outgoing o;
    o.text = std::move(text);
    return o;
  }
  std::string text;
  std::vector<mention> mentions;  // @ these people before the text (where the platform allows)
  std::string quote_id;           // quote this platform message id (where the platform allows)
  bool mention_all = false;       // @all: emergencies only, where the account may
  std::string recall_id;          // when set: recall (delete) this platform message instead of sending text
};

// A platform's "time" (unix seconds, untrusted input) in milliseconds; 0 (unknown) for anything a
// real clock could not show (before 1970, after 2100, not a number), so nothing overflows.
std::int64_t platform_time_ms(double seconds);

// Non-message events adapters may report.
struct member_joined {
  chat_ref chat;
  user_ref user;
};
struct removed_from_chat {
  chat_ref chat;
};
// The platform told the name of a group after the fact (OneBot: get_group_info), for reports.
struct chat_titled {
  chat_ref chat;
  std::string title;
};
struct account_health {
  std::string platform;
  std::string account;
  bool online = false;
  std::int64_t next_heartbeat_ms = 0;  // 0 when the platform does not announce one
};

using inbound_event = std::variant<message, member_joined, removed_from_chat, account_health, chat_titled>;

// The same with every text and id valid UTF-8 (utf8::valid): platforms and terminals may deliver
// stray bytes, and JSON (the outbox, the relay seal) cannot hold them. The dispatcher takes nothing
// else.
chat_ref with_valid_text(chat_ref c);
user_ref with_valid_text(user_ref u);
message with_valid_text(message m);

}  // namespace bot
