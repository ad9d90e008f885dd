// Message segments ↔ estatebot's plain messages. Inbound: the text a command parser reads, whether
// the bot was @-mentioned, the quoted message and the images. Outbound: a bot::outgoing as segment
// arrays (a quote, @-mentions, the text), split into several messages when the text is long.
#pragma once
#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "adapters/onebot/cq_code.hpp"
#include "bot/message.hpp"

namespace adapters::onebot {

// The `message` of an event: a CQ-code string, a segment array or a single segment object.
// Segments without a type are skipped; data values that are not strings become their text.
std::vector<segment> segments_of(const nlohmann::json& message);

struct content {
  // Text segments, with "@name" (or "@<QQ number>" when the client gives no name) for other
  // people's mentions, each kept apart from the words around it by a space; the bot's own @ removed.
  std::string text;
  bool at_bot = false;
  // When someone quotes (引用) a message, QQ puts an @ of its author right after the quote: a
  // `reply` segment, then (with nothing but spaces between) an `at`. That @ was not typed: it is
  // left out of the text and the mentions, and when it names the bot and no other @ of the bot
  // follows, the message only answers the bot (at_bot and at_bot_by_quote_only). Any other @ of the
  // bot is an explicit call.
  bool at_bot_by_quote_only = false;
  std::vector<bot::mention> mentions;  // other people's @s (not @all), in order
  std::string quoted_id;               // the reply segment's id
  std::vector<std::string> images;     // url when the client gives one, else its file reference
};
content read_content(const std::vector<segment>& segments, const std::string& self_id);

struct render_options {
  std::size_t max_text_chars = 1500;
  bool at_all = true;  // false where the client refused @all: the text goes out without it
};
// One segment array per QQ message. Only the first carries the quote and the @-mentions.
std::vector<nlohmann::json> render(const bot::outgoing& body, const render_options& opt);
// Cuts at the last line break in the second half of a chunk, else at max_chars code points.
std::vector<std::string> split_text(const std::string& text, std::size_t max_chars);

}  // namespace adapters::onebot
