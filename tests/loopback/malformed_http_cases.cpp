// HTTP itself, malformed: request lines, headers, lengths and chunking, smuggling attempts, wrong
// methods and paths, oversize heads and bodies, and requests that never finish.
#include "support/malformed_harness.hpp"

namespace testing::malformed {
namespace {

const std::string valid_body = webhook_json("http-ok", "大家好").dump();
const std::string sig = "X-Signature: " + webhook_signature(valid_body) + "\r\n";

std::vector<malformed_case> request_line_cases() {
  return {
      {"empty request line", "\r\n\r\n", any_4xx},
      {"garbage line", "GARBAGE\r\n\r\n", any_4xx},
      {"method only", "GET\r\n\r\n", any_4xx},
      {"no version", "GET /healthz\r\n\r\n", any_4xx},
      {"two spaces", "GET  /healthz HTTP/1.1\r\nHost: t\r\n\r\n", any_4xx},
      {"version HTTP/2.0 text", "GET /healthz HTTP/2.0\r\nHost: t\r\n\r\n", answered_below_500},
      {"version HTTP/9.9", "GET /healthz HTTP/9.9\r\nHost: t\r\n\r\n", answered_below_500},
      {"version garbage", "GET /healthz HTTQ/1.1\r\nHost: t\r\n\r\n", any_4xx},
      {"lower-case method", "get /healthz HTTP/1.1\r\nHost: t\r\n\r\n", any_4xx},
      {"unknown method", "BREW /healthz HTTP/1.1\r\nHost: t\r\n\r\n", 405},
      {"NUL in target", std::string("GET /heal") + '\0' + "thz HTTP/1.1\r\nHost: t\r\n\r\n", any_4xx},
      {"control char in target", "GET /heal\x01thz HTTP/1.1\r\nHost: t\r\n\r\n", any_4xx},
      {"target 20 KB", "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: t\r\n\r\n", any_4xx},
      {"absolute-form target", "GET http://127.0.0.1/healthz HTTP/1.1\r\nHost: t\r\n\r\n", 404},
      {"asterisk target", "OPTIONS * HTTP/1.1\r\nHost: t\r\n\r\n", 404},
      {"HTTP/2 preface", std::string("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), answered_below_500},
      {"TLS client hello",
       std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) + std::string(64, 'r'), any_4xx},
      {"binary garbage", std::string(512, '\xff') + "\r\n\r\n", any_4xx},
      {"bare LF line ends", "GET /healthz HTTP/1.1\nHost: t\n\n", answered_below_500},
      {"HTTP/1.0 without Host", "GET /healthz HTTP/1.0\r\n\r\n", 200},
  };
}

std::vector<malformed_case> header_cases() {
  std::string many;
  for (int i = 0; i < 1500; ++i) many += fmt::format("X-Header-{}: value\r\n", i);  // 30 KB in all
  return {
      {"header without colon", "GET /healthz HTTP/1.1\r\nHost t\r\n\r\n", any_4xx},
      {"space in header name", "GET /healthz HTTP/1.1\r\nX Bad: 1\r\n\r\n", any_4xx},
      {"space before colon", "GET /healthz HTTP/1.1\r\nHost : t\r\n\r\n", any_4xx},
      {"obsolete line folding", "GET /healthz HTTP/1.1\r\nHost: t\r\n  folded\r\n\r\n", answered_below_500},
      {"NUL in header value", std::string("GET /healthz HTTP/1.1\r\nX-A: a") + '\0' + "b\r\n\r\n", any_4xx},
      {"one header of 17 KB", "GET /healthz HTTP/1.1\r\nX-Big: " + std::string(17000, 'b') + "\r\n\r\n",
       any_4xx},
      {"1500 headers, over 16 KB in all", "GET /healthz HTTP/1.1\r\n" + many + "\r\n", any_4xx},
      {"empty header name", "GET /healthz HTTP/1.1\r\n: v\r\n\r\n", any_4xx},
      {"Expect with an unknown value", raw_request("GET", "/healthz", "Expect: 200-ok\r\n"), 200},
      {"Upgrade h2c ignored", raw_request("GET", "/healthz", "Upgrade: h2c\r\nConnection: Upgrade\r\n"), 200},
      {"WebSocket upgrade on the webhook path",
       raw_request(
           "GET", "/webhook/generic",
           "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           "Sec-WebSocket-Version: 13\r\n"),
       405},
  };
}

std::string post_head(const std::string& lengths, const std::string& extra = sig) {
  return "POST /webhook/generic HTTP/1.1\r\nHost: t\r\n" + extra + lengths + "\r\n";
}

std::vector<malformed_case> length_cases() {
  const std::string b = valid_body;
  return {
      {"Content-Length negative", post_head("Content-Length: -1\r\n") + b, any_4xx},
      {"Content-Length not a number", post_head("Content-Length: abc\r\n") + b, any_4xx},
      {"Content-Length with plus", post_head("Content-Length: +5\r\n") + b, any_4xx},
      {"Content-Length 20 digits", post_head("Content-Length: 99999999999999999999\r\n") + b, any_4xx},
      {"Content-Length empty", post_head("Content-Length: \r\n") + b, any_4xx},
      {"two Content-Length, different",
       post_head(fmt::format("Content-Length: {}\r\nContent-Length: 5\r\n", b.size())) + b, any_4xx},
      // Identical repeated lengths may be taken as one (RFC 9110 8.6): the signed message is then valid.
      {"two Content-Length, same",
       post_head(fmt::format("Content-Length: {0}\r\nContent-Length: {0}\r\n", b.size())) + b,
       answered_below_500, true},
      {"Content-Length list", post_head(fmt::format("Content-Length: {0}, {0}\r\n", b.size())) + b,
       answered_below_500, true},
      {"POST without Content-Length", post_head(""), 411},
      {"chunked body refused", post_head("Transfer-Encoding: chunked\r\n") + "5\r\nhello\r\n0\r\n\r\n", 411},
      {"chunked, bad chunk size", post_head("Transfer-Encoding: chunked\r\n") + "zz\r\nhello\r\n0\r\n\r\n",
       411},
      {"gzip, chunked", post_head("Transfer-Encoding: gzip, chunked\r\n") + "0\r\n\r\n", any_4xx},
      {"chunked, identity", post_head("Transfer-Encoding: chunked, identity\r\n") + "0\r\n\r\n", any_4xx},
      {"unknown transfer coding", post_head("Transfer-Encoding: xchunked\r\n") + "0\r\n\r\n", any_4xx},
      {"CL.TE smuggling",
       post_head("Content-Length: 6\r\nTransfer-Encoding: chunked\r\n") +
           "0\r\n\r\nGET /healthz HTTP/1.1\r\n\r\n",
       any_4xx},
      {"TE.CL smuggling",
       post_head("Transfer-Encoding: chunked\r\nContent-Length: 4\r\n") +
           "5c\r\nGPOST / HTTP/1.1\r\n\r\n0\r\n\r\n",
       any_4xx},
      {"TE with space before colon",
       post_head("Transfer-Encoding : chunked\r\nContent-Length: 3\r\n") + "0\r\n", any_4xx},
      {"body longer than Content-Length", post_head("Content-Length: 10\r\n") + b, any_4xx},
      {"over max_body_bytes (webhook)", post_head(fmt::format("Content-Length: {}\r\n", max_body + 1)), 413},
      {"over max_body_bytes (unknown path)",
       fmt::format("POST /nope HTTP/1.1\r\nHost: t\r\nContent-Length: {}\r\n\r\n", max_body + 1), 413},
      {"over max_body_bytes (onebot)",
       fmt::format("POST /onebot HTTP/1.1\r\nHost: t\r\nX-Self-ID: {}\r\nX-Signature: sha1=00\r\n"
                   "Content-Length: {}\r\n\r\n",
                   bot_qq, 64u << 20),
       413},
  };
}

std::vector<malformed_case> route_cases() {
  const std::string b = valid_body;
  return {
      {"GET the webhook", raw_request("GET", "/webhook/generic", ""), 405},
      {"PUT the webhook", raw_request("PUT", "/webhook/generic", sig, b), 405},
      {"DELETE the webhook", raw_request("DELETE", "/webhook/generic", ""), 405},
      {"PATCH the webhook", raw_request("PATCH", "/webhook/generic", sig, b), 405},
      {"HEAD /healthz", raw_request("HEAD", "/healthz", ""), 405},
      {"POST /healthz", raw_request("POST", "/healthz", "", "{}"), 405},
      {"TRACE /healthz", raw_request("TRACE", "/healthz", ""), 405},
      {"CONNECT", "CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n", 404},
      {"GET /onebot", raw_request("GET", "/onebot", ""), 405},
      {"POST the WebSocket path", raw_request("POST", "/onebot/ws", "", "{}"), 426},
      {"GET the WebSocket path without upgrade", raw_request("GET", "/onebot/ws", ""), 426},
      {"unknown path", raw_request("GET", "/admin", ""), 404},
      {"root", raw_request("GET", "/", ""), 404},
      {"trailing slash", webhook_post(b, std::nullopt, "/webhook/generic/"), 404},
      {"upper-case path", webhook_post(b, std::nullopt, "/WEBHOOK/GENERIC"), 404},
      {"dot segments", webhook_post(b, std::nullopt, "/x/../webhook/generic"), 404},
      {"double slash", webhook_post(b, std::nullopt, "//webhook/generic"), 404},
      {"percent-encoded slash", webhook_post(b, std::nullopt, "/webhook%2Fgeneric"), 404},
      {"percent-encoded NUL", raw_request("GET", "/healthz%00", ""), 404},
      {"query on the webhook is ignored",
       webhook_post(webhook_json("http-query", "大家好").dump(), std::nullopt,
                    "/webhook/generic?debug=1&x=%zz"),
       200, true},
      {"fragment in target", raw_request("GET", "/healthz#x", ""), 404},
      {"pipelined: two requests in one write",
       raw_request("GET", "/healthz", "") + raw_request("GET", "/healthz", "Connection: close\r\n"), 200},
  };
}

// Requests that never finish: the connection is closed after read_timeout_ms, nothing is stored.
std::vector<malformed_case> unfinished_cases() {
  return {
      {"connect and send nothing", "", closed_unanswered},
      {"half a request line", "POST /webhook/gen", closed_unanswered},
      {"headers never end", "POST /webhook/generic HTTP/1.1\r\nHost: t\r\nX-Signature: sha256=00\r\n",
       closed_unanswered},
      {"body never ends",
       post_head(fmt::format("Content-Length: {}\r\n", valid_body.size())) +
           valid_body.substr(0, valid_body.size() / 2),
       closed_unanswered},
  };
}

}  // namespace

std::vector<malformed_case> http_cases() {
  std::vector<malformed_case> all;
  for (auto family : {request_line_cases, header_cases, length_cases, route_cases, unfinished_cases})
    for (auto& c : family()) all.push_back(std::move(c));
  return all;
}

}  // namespace testing::malformed
