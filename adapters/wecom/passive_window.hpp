// WeCom and WeChat take one reply in the HTTP answer to a callback, if it comes within 5 seconds
// (the passive reply, §1.5 and §3). While the dispatcher handles a callback's message, the channel
// holds this window open on that chat: the replies the outbox sends there meanwhile are taken into
// the answer instead of an API call. What does not fit, and everything after it, goes by API.
#pragma once
#include <optional>
#include <string>

#include "bot/channel.hpp"

namespace adapters::wecom {

class passive_window {
 public:
  // `max_bytes`: what one passive reply may carry on this platform.
  void open(const bot::chat_ref& chat, std::size_t max_bytes);
  // True when the delivery's text went into the answer (it counts as sent).
  bool take(const bot::delivery& d);
  std::string close();  // the texts taken, one blank line apart; the window is shut

 private:
  std::size_t max_bytes_ = 0;
  std::optional<bot::chat_ref> chat_;
  std::string text_;
  bool spilled_ = false;
};

}  // namespace adapters::wecom
