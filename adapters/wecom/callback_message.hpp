// A text message of a WeCom or WeChat callback (doc 96467; §3) as the bot's direct message:
// FromUserName is the chat and the sender, MsgId (a 64-bit number, kept as text) the message id
// by which retries are recognised, CreateTime its time.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "adapters/wecom/callback_xml.hpp"
#include "bot/message.hpp"

namespace adapters::wecom {

std::string field(const xml_fields& f, std::string_view name);  // "" when absent

// A message's fields from XML, or from the flat JSON object the Official Account sends when its
// data format is set to JSON (numbers as their decimal text); nullopt when it is neither.
std::optional<xml_fields> read_fields(std::string_view plaintext);

struct text_read {
  std::optional<bot::message> message;
  std::string why;  // when the fields are not a text message one could answer
};
text_read direct_text(const xml_fields& f, std::string_view platform, std::string_view account);

}  // namespace adapters::wecom
