#include "bot/access_token.hpp"

#include "bot/utf8.hpp"

namespace bot {

std::optional<std::string> presented_token(const http_request& req) {
  if (req.has_header("authorization")) {
    const std::string header = req.header("authorization");
    std::string_view value = utf8::trim(header);
    std::size_t space = value.find(' ');
    std::string scheme = utf8::to_lower_ascii(value.substr(0, space));
    if (scheme == "bearer" || scheme == "token")
      return std::string(space == std::string_view::npos ? std::string_view()
                                                         : utf8::trim(value.substr(space)));
    return std::string(value);  // no scheme word: the token itself
  }
  if (req.query.find("access_token=") != std::string::npos) return req.query_param("access_token");
  return std::nullopt;
}

}  // namespace bot
