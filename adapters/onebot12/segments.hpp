// OneBot 12 message segments ↔ estatebot's plain messages. Inbound: the standard segments `text`,
// `mention`, `mention_all`, `image` and `reply` (others — voice, file, location, an
// implementation's own "wx.link" — carry nothing a command reads and are skipped). Outbound: a
// `reply` to quote, `mention`s, then the text; `mention_all` for emergencies.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bot/message.hpp"

namespace adapters::onebot12 {

struct content {
  // The text segments in order. Other people's mentions show as "@<user id>" (OneBot 12 mentions
  // carry no name), apart from the words around them by a space; the bot's own mention is left out.
  // WeChat's separator after an @name (U+2005) reads as a space.
  std::string text;
  bool at_bot = false;
  bool at_bot_by_quote_only = false;   // only a reply to one of the bot's messages addressed it
  std::vector<bot::mention> mentions;  // other people's, with qualified ids (ids.hpp)
  std::string quoted_id;
  std::vector<std::string> images;  // url when the implementation gives one, else its file_id
};

// `platform` and `self_user_id` come from the event's `self`. A `message` that is not an array
// reads as no segments (the caller falls back on alt_message).
content read_content(const nlohmann::json& message, std::string_view platform, std::string_view self_user_id);

// How one implementation takes segments. Some refuse optional ones (ComWeChatBotClient has no
// `reply`; some bridges no `mention_all`): a send that met such a refusal goes out again without
// that segment, and the account's later messages leave it out. ComWeChatBotClient also turns only
// the mentions that follow a text into real @s (each text starts a new @ list), so for it they go
// after the text.
struct render_options {
  bool quote = true;
  bool mention_all = true;
  bool mentions = true;  // false: "@name" as text
  bool mentions_last = false;
};
// What is known of an implementation by its name (`version.impl` of meta connect, X-Impl).
render_options options_for(std::string_view impl);
// The segment array of one message to the chat of `account`.
nlohmann::json render(const bot::outgoing& body, std::string_view account, const render_options& opt);

}  // namespace adapters::onebot12
