// HTTP requests and responses as plain values, so adapters can be pure functions of them and be
// tested without sockets. Header names are lower-case.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bot {

using header_list = std::vector<std::pair<std::string, std::string>>;

struct http_request {
  std::string method;  // "POST"
  std::string target;  // "/onebot?access_token=x"
  std::string path;    // "/onebot"
  std::string query;   // "access_token=x"
  header_list headers;
  std::string body;
  std::string remote;  // peer address, for logs

  std::string header(std::string_view name) const;  // case-insensitive; "" when absent
  bool has_header(std::string_view name) const;
  // Percent-decoded; "" when absent. WeCom's Base64 echostr keeps its '+' (plus_is_space false).
  std::string query_param(std::string_view name, bool plus_is_space = true) const;
};

struct http_response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  header_list headers;
};

http_response json_error(int status, std::string_view message);  // {"error": "..."}

// An outbound call and its answer.
struct http_call {
  std::string method = "POST";
  std::string url;
  header_list headers;
  std::string body;
  int timeout_ms = 15'000;
};

struct http_reply {
  int status = 0;  // 0: no HTTP answer (see error)
  std::string body;
  header_list headers;
  std::string error;          // transport error, if any
  bool request_sent = false;  // the request was fully written: a failure after this may have been seen

  std::string header(std::string_view name) const;
};

struct url_parts {
  std::string scheme;  // http | https | ws | wss
  std::string host;
  std::string port;
  std::string target;  // path and query, at least "/"
};
std::optional<url_parts> parse_url(std::string_view url);
std::string percent_decode(std::string_view s, bool plus_is_space = true);
std::string percent_encode(std::string_view s);  // all but A-Z a-z 0-9 - . _ ~ as %XX

}  // namespace bot
