#include "bot/http_client.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <map>
#include <utility>
#include <vector>

#include "bot/log.hpp"

namespace bot {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

namespace {

constexpr std::size_t response_limit = 8 * 1024 * 1024;
constexpr std::size_t idle_per_host = 8;
// Shorter than the usual idle timeouts of servers (5 s and up), so that a reused connection is
// rarely one the server is closing at that moment.
constexpr auto idle_for = std::chrono::seconds(4);

http::request<http::string_body> make_request(const http_call& call, const url_parts& u, bool keep_alive) {
  http::request<http::string_body> req{http::string_to_verb(call.method), u.target, 11};
  bool default_port = (u.scheme == "http" && u.port == "80") || (u.scheme == "https" && u.port == "443");
  req.set(http::field::host, default_port ? u.host : u.host + ":" + u.port);
  req.set(http::field::user_agent, "estatebot/" ESTATEBOT_VERSION);
  for (const auto& [k, v] : call.headers) req.set(k, v);
  req.body() = call.body;
  req.keep_alive(keep_alive);
  req.prepare_payload();
  return req;
}

void copy_response(http::response_parser<http::string_body>& parser, http_reply& out) {
  auto& res = parser.get();
  out.status = static_cast<int>(res.result_int());
  for (const auto& f : res) out.headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
  out.body = std::move(res.body());
}

}  // namespace

struct http_client::impl : std::enable_shared_from_this<impl> {
  explicit impl(net::io_context& io) : io(io), tls(ssl::context::tls_client) {
    tls.set_default_verify_paths();
    tls.set_verify_mode(ssl::verify_peer);
  }

  // An idle connection to the host, if one is still open; the server may have closed it meanwhile
  // (its FIN is then waiting to be read), which a non-blocking read tells without waiting.
  std::unique_ptr<beast::tcp_stream> take_idle(const std::string& key) {
    auto it = idle.find(key);
    while (it != idle.end() && !it->second.empty()) {
      auto [since, stream] = std::move(it->second.back());
      it->second.pop_back();
      if (std::chrono::steady_clock::now() - since > idle_for) continue;
      auto& socket = stream->socket();
      beast::error_code ec;
      char probe;
      socket.non_blocking(true, ec);
      if (!ec) socket.read_some(net::buffer(&probe, 1), ec);
      if (ec == net::error::would_block) return std::move(stream);
    }
    return nullptr;
  }

  void keep_idle(const std::string& key, std::unique_ptr<beast::tcp_stream> stream) {
    auto& list = idle[key];
    if (list.size() >= idle_per_host) list.erase(list.begin());  // the oldest goes
    list.emplace_back(std::chrono::steady_clock::now(), std::move(stream));
  }

  // `reusable` (when given): the answer came whole and the server keeps the connection open.
  template <class Stream>
  net::awaitable<void> exchange(Stream& stream, beast::tcp_stream& lowest, const http_call& call,
                                const url_parts& u, http_reply& out, bool* reusable = nullptr) {
    const bool keep_alive = reusable != nullptr;
    beast::error_code ec;
    auto req = make_request(call, u, keep_alive);
    lowest.expires_after(std::chrono::milliseconds(call.timeout_ms));
    co_await http::async_write(stream, req, net::redirect_error(net::use_awaitable, ec));
    if (ec) {
      out.error = "write: " + ec.message();
      co_return;
    }
    out.request_sent = true;
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(response_limit);
    co_await http::async_read(stream, buffer, parser, net::redirect_error(net::use_awaitable, ec));
    if (ec) {
      out.error = "read: " + ec.message();
      co_return;
    }
    if (reusable) *reusable = parser.get().keep_alive();
    copy_response(parser, out);
  }

  net::awaitable<http_reply> run(http_call call) {
    http_reply out;
    auto u = parse_url(call.url);
    if (!u || (u->scheme != "http" && u->scheme != "https")) {
      out.error = "bad URL";
      co_return out;
    }
    const std::string key = u->host + ":" + u->port;
    if (u->scheme == "http")
      if (auto stream = take_idle(key)) co_return co_await plain(std::move(stream), key, call, *u);
    beast::error_code ec;
    tcp::resolver resolver(io);
    auto endpoints =
        co_await resolver.async_resolve(u->host, u->port, net::redirect_error(net::use_awaitable, ec));
    if (ec) {
      out.error = "resolve: " + ec.message();
      co_return out;
    }
    if (u->scheme == "http") {
      auto stream = std::make_unique<beast::tcp_stream>(io);
      stream->expires_after(std::chrono::milliseconds(call.timeout_ms));
      co_await stream->async_connect(endpoints, net::redirect_error(net::use_awaitable, ec));
      if (ec) {
        out.error = "connect: " + ec.message();
        co_return out;
      }
      co_return co_await plain(std::move(stream), key, call, *u);
    }
    beast::ssl_stream<beast::tcp_stream> stream(io, tls);
    if (!SSL_set_tlsext_host_name(stream.native_handle(), u->host.c_str())) {
      out.error = "TLS: cannot set SNI";
      co_return out;
    }
    stream.set_verify_callback(ssl::host_name_verification(u->host));
    auto& lowest = beast::get_lowest_layer(stream);
    lowest.expires_after(std::chrono::milliseconds(call.timeout_ms));
    co_await lowest.async_connect(endpoints, net::redirect_error(net::use_awaitable, ec));
    if (ec) {
      out.error = "connect: " + ec.message();
      co_return out;
    }
    co_await stream.async_handshake(ssl::stream_base::client, net::redirect_error(net::use_awaitable, ec));
    if (ec) {
      out.error = "TLS handshake: " + ec.message();
      co_return out;
    }
    co_await exchange(stream, lowest, call, *u, out);
    lowest.expires_after(std::chrono::seconds(2));
    co_await stream.async_shutdown(net::redirect_error(net::use_awaitable, ec));  // errors here do not matter
    co_return out;
  }

  // One call over a plain connection, which is kept for the next call when the server keeps it open.
  net::awaitable<http_reply> plain(std::unique_ptr<beast::tcp_stream> stream, const std::string& key,
                                   const http_call& call, const url_parts& u) {
    http_reply out;
    bool reusable = false;
    co_await exchange(*stream, *stream, call, u, out, &reusable);
    beast::error_code ec;
    if (out.status != 0 && reusable) {
      stream->expires_never();
      keep_idle(key, std::move(stream));
    } else {
      stream->socket().shutdown(tcp::socket::shutdown_both, ec);
    }
    co_return out;
  }

  net::io_context& io;
  ssl::context tls;
  std::map<std::string,
           std::vector<std::pair<std::chrono::steady_clock::time_point, std::unique_ptr<beast::tcp_stream>>>>
      idle;
};

http_client::http_client(net::io_context& io) : impl_(std::make_shared<impl>(io)) {}

http_client::~http_client() = default;

void http_client::request(http_call call, std::function<void(http_reply)> done) {
  auto self = impl_;
  net::co_spawn(self->io, self->run(std::move(call)),
                [self, done = std::move(done)](std::exception_ptr e, http_reply reply) {
                  if (e) {
                    try {
                      std::rethrow_exception(e);
                    } catch (const std::exception& ex) {
                      reply = http_reply{};
                      reply.error = std::string("exception: ") + ex.what();
                    }
                  }
                  done(std::move(reply));
                });
}

}  // namespace bot
