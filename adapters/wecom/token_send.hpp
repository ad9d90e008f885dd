// A delivery's text sent by an API that takes the access token (WeCom message/send, the Official
// Account's message/custom/send): cut into pieces of text_bytes, one call each, resumed after the
// last piece that went out (send_parts.hpp), answered by errcode (api_answer.hpp).
#pragma once
#include <functional>
#include <string>

#include "adapters/wecom/access_token.hpp"
#include "bot/channel.hpp"

namespace adapters::wecom {

// `body` builds one call's JSON body for a piece; `url` is the API's URL without the token.
struct token_send {
  bot::http_client& http;
  access_token& token;
  std::string url;
  int timeout_ms;
  std::function<std::string(const std::string& piece)> body;
  std::function<void(std::size_t parts_done)> keep_progress;
};

void send_text(token_send how, const bot::delivery& d, std::function<void(bot::send_result)> done);

}  // namespace adapters::wecom
