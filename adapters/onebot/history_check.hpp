// Before a send that may already have gone out is sent again. OneBot v11 has no idempotency key:
// when a send got no answer, or an answer that looks like a timeout (NapCat's "Timeout: NTEvent …
// sendMsg", which QQ sometimes delivers anyway), the row's progress remembers when that call went
// out (mark_unsure), and the next attempt first reads the chat's recent messages
// (get_group_msg_history / get_friend_msg_history: go-cqhttp, NapCat, Lagrange, LLOneBot) and
// counts the message as sent if the bot's own copy is there, with the same text, from that time
// on. A client without the API, or a message without text to compare, is sent again as before.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "adapters/onebot/api.hpp"

namespace adapters::onebot {

// The last 20 messages of the chat (the newest first or last; both are read).
api_call history_call(const bot::chat_ref& chat);

struct history_match {
  enum class verdict {
    found,    // the bot's copy is there: `message_id` is its id
    absent,   // the history was read and it is not there: send
    unknown,  // no history to read (not supported, refused, no text to compare): send as before
    away,     // the client did not answer: try later, do not send blindly
  };
  verdict is = verdict::unknown;
  std::string message_id;
};

// Whether `sent` (a send_group_msg / send_private_msg call) went out from `self_id` at or after
// `since_ms`, by the answer to history_call.
history_match find_in_history(const api_answer& answer, const api_call& sent, const std::string& self_id,
                              std::int64_t since_ms);

// Progress (see read_progress) whose next call went out at `at_ms` without a clear answer; and
// when that was, from a stored progress.
std::string mark_unsure(const std::vector<std::string>& done, std::int64_t at_ms);
std::optional<std::int64_t> unsure_since(const std::string& stored);

}  // namespace adapters::onebot
