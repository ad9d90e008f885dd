#include "bot/http_server.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "bot/log.hpp"

namespace bot {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

namespace {

constexpr std::size_t header_limit = 16 * 1024;
// A ping after half of it without traffic; no answer for all of it closes the connection.
constexpr auto ws_idle_timeout = std::chrono::seconds(90);

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

http::response<http::string_body> to_beast(const http_response& r, unsigned version, bool keep_alive) {
  http::response<http::string_body> res{static_cast<http::status>(r.status), version};
  res.set(http::field::server, "estatebot/" ESTATEBOT_VERSION);
  if (!r.body.empty() || r.status != 204) res.set(http::field::content_type, r.content_type);
  for (const auto& [k, v] : r.headers) res.set(k, v);
  res.keep_alive(keep_alive);
  res.body() = r.body;
  res.prepare_payload();
  return res;
}

// One accepted WebSocket: a read loop, and a writer that keeps one frame in flight (Beast allows one
// outstanding write), so send() may be called at any time from the event loop.
class ws_session final : public ws_connection, public std::enable_shared_from_this<ws_session> {
 public:
  ws_session(beast::tcp_stream&& stream, std::string remote, std::size_t max_message)
      : ws_(std::move(stream)), remote_(std::move(remote)) {
    beast::get_lowest_layer(ws_).expires_never();  // the websocket timeouts take over
    auto timeouts = websocket::stream_base::timeout::suggested(beast::role_type::server);
    timeouts.idle_timeout = ws_idle_timeout;
    ws_.set_option(timeouts);
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(http::field::server, "estatebot/" ESTATEBOT_VERSION); }));
    ws_.read_message_max(max_message);
  }

  void send(std::string text) override {
    if (!open_ || closing_) return;
    queue_.push_back(std::move(text));
    start_writing();
  }

  void close() override {
    if (!open_ || closing_) return;
    closing_ = true;
    start_writing();
  }

  bool is_open() const override { return open_ && !closing_; }
  const std::string& remote() const override { return remote_; }

  // Completes the handshake, hands the connection to the route, then reads until it ends.
  net::awaitable<void> run(http::request<http::string_body> req,
                           std::function<void(std::shared_ptr<ws_connection>)> accept) {
    beast::error_code ec;
    co_await ws_.async_accept(req, net::redirect_error(net::use_awaitable, ec));
    if (ec) {
      log::warn("ws", "{}: handshake failed: {}", remote_, ec.message());
      co_return;
    }
    open_ = true;
    accept(shared_from_this());
    beast::flat_buffer buffer;
    for (;;) {
      co_await ws_.async_read(buffer, net::redirect_error(net::use_awaitable, ec));
      if (ec) break;
      std::string text = beast::buffers_to_string(buffer.data());
      buffer.consume(buffer.size());
      if (!on_message) continue;
      try {
        on_message(text);
      } catch (const std::exception& e) {
        log::error("ws", "{}: frame not processed: {}", remote_, e.what());
      }
    }
    if (ec != websocket::error::closed) log::info("ws", "{}: connection ended: {}", remote_, ec.message());
    open_ = false;
    queue_.clear();
    auto closed = std::move(on_close);
    on_message = nullptr;
    on_close = nullptr;
    if (closed) closed();
  }

 private:
  void start_writing() {
    if (writing_) return;
    writing_ = true;
    net::co_spawn(ws_.get_executor(), write_queue(shared_from_this()), net::detached);
  }

  static net::awaitable<void> write_queue(std::shared_ptr<ws_session> self) {
    beast::error_code ec;
    while (!ec && self->open_ && !self->queue_.empty()) {
      self->ws_.text(true);
      co_await self->ws_.async_write(net::buffer(self->queue_.front()),
                                     net::redirect_error(net::use_awaitable, ec));
      if (!ec) self->queue_.pop_front();
    }
    if (!ec && self->open_ && self->closing_)
      co_await self->ws_.async_close(websocket::close_code::normal,
                                     net::redirect_error(net::use_awaitable, ec));
    if (ec) self->queue_.clear();
    self->writing_ = false;
  }

  websocket::stream<beast::tcp_stream> ws_;
  std::string remote_;
  std::deque<std::string> queue_;
  bool open_ = false;
  bool closing_ = false;
  bool writing_ = false;
};

}  // namespace

// An answer that an asynchronous handler gives later; the session waits on the timer.
struct pending_answer {
  explicit pending_answer(net::io_context& io) : wake(io, net::steady_timer::time_point::max()) {}
  net::steady_timer wake;
  std::optional<http_response> answer;
};

struct http_server::impl : std::enable_shared_from_this<impl> {
  impl(net::io_context& io, const server_config& cfg) : io(io), cfg(cfg), acceptor(io) {}

  net::io_context& io;
  server_config cfg;
  tcp::acceptor acceptor;
  std::map<std::string, std::map<std::string, async_handler>> routes;  // path → method → handler
  std::map<std::string, ws_handler> ws_routes;
  std::set<std::shared_ptr<beast::tcp_stream>> sessions;
  std::vector<std::weak_ptr<ws_session>> websockets;
  std::set<std::shared_ptr<pending_answer>> waiting;
  bool stopping = false;

  // The answer, or nullopt when the server stopped before an asynchronous handler gave one.
  net::awaitable<std::optional<http_response>> dispatch(const http_request& req) {
    auto path = routes.find(req.path);
    if (path == routes.end() && ws_routes.contains(req.path))
      co_return json_error(426, "WebSocket upgrade required");
    if (path == routes.end()) co_return json_error(404, "no such path");
    auto h = path->second.find(req.method);
    if (h == path->second.end()) {
      http_response r = json_error(405, "method not allowed");
      std::string allow;
      for (const auto& [m, fn] : path->second) allow += (allow.empty() ? "" : ", ") + m;
      r.headers.emplace_back("Allow", allow);
      co_return r;
    }
    auto pending = std::make_shared<pending_answer>(io);
    try {
      h->second(req, [pending](http_response r) {
        if (pending->answer) return;
        pending->answer = std::move(r);
        pending->wake.cancel();
      });
    } catch (const std::exception& e) {
      log::error("http", "{} {} failed: {}", req.method, req.path, e.what());
      co_return json_error(500, "internal error");
    }
    if (!pending->answer && !stopping) {
      waiting.insert(pending);
      beast::error_code ec;
      co_await pending->wake.async_wait(net::redirect_error(net::use_awaitable, ec));
      waiting.erase(pending);
    }
    co_return std::move(pending->answer);
  }

  net::awaitable<void> write(beast::tcp_stream& stream, const http_response& r, unsigned version,
                             bool keep_alive, beast::error_code& ec) {
    auto res = to_beast(r, version, keep_alive);
    stream.expires_after(std::chrono::milliseconds(cfg.read_timeout_ms));
    co_await http::async_write(stream, res, net::redirect_error(net::use_awaitable, ec));
  }

  net::awaitable<void> session(std::shared_ptr<beast::tcp_stream> stream) {
    beast::flat_buffer buffer;
    beast::error_code ec;
    std::string remote;
    {
      auto ep = stream->socket().remote_endpoint(ec);
      if (!ec) remote = ep.address().to_string() + ":" + std::to_string(ep.port());
    }
    for (;;) {
      http::request_parser<http::string_body> parser;
      parser.header_limit(header_limit);
      parser.body_limit(cfg.max_body_bytes);
      stream->expires_after(std::chrono::milliseconds(cfg.read_timeout_ms));
      co_await http::async_read_header(*stream, buffer, parser, net::redirect_error(net::use_awaitable, ec));
      if (!ec) {
        auto& head = parser.get();
        if (auto len = parser.content_length(); len && *len > cfg.max_body_bytes) {
          ec = http::error::body_limit;
        } else if (beast::iequals(head[http::field::expect], "100-continue")) {
          http::response<http::empty_body> cont{http::status::continue_, head.version()};
          co_await http::async_write(*stream, cont, net::redirect_error(net::use_awaitable, ec));
        }
        if (!ec)
          co_await http::async_read(*stream, buffer, parser, net::redirect_error(net::use_awaitable, ec));
      }
      if (ec == http::error::body_limit) {
        log::warn("http", "{}: body over {} bytes refused", remote, cfg.max_body_bytes);
        co_await write(*stream, json_error(413, "body too large"), 11, false, ec);
        break;
      }
      if (ec == http::error::end_of_stream || ec == net::error::operation_aborted ||
          ec == beast::error::timeout || ec == net::error::connection_reset || ec == net::error::eof)
        break;
      if (ec) {
        log::warn("http", "{}: malformed request: {}", remote, ec.message());
        co_await write(*stream, json_error(400, "malformed HTTP request"), 11, false, ec);
        break;
      }
      auto msg = parser.release();
      http_request req;
      req.method = std::string(msg.method_string());
      req.target = std::string(msg.target());
      auto q = req.target.find('?');
      req.path = req.target.substr(0, q);
      if (q != std::string::npos) req.query = req.target.substr(q + 1);
      for (const auto& f : msg) req.headers.emplace_back(lower(f.name_string()), std::string(f.value()));
      req.body = std::move(msg.body());
      req.remote = remote;
      if (websocket::is_upgrade(msg) && ws_routes.contains(req.path)) {
        ws_answer answer = upgrade(req);
        if (answer.accept) {
          auto ws = std::make_shared<ws_session>(std::move(*stream), remote, cfg.max_body_bytes);
          std::erase_if(websockets, [](const auto& w) { return w.expired(); });
          websockets.push_back(ws);
          sessions.erase(stream);
          co_await ws->run(std::move(msg), std::move(answer.accept));
          co_return;
        }
        log::info("http", "{} WebSocket {} refused → {}", remote, req.path, answer.refusal.status);
        co_await write(*stream, answer.refusal, msg.version(), false, ec);
        break;
      }
      auto answer = co_await dispatch(req);
      if (!answer) break;
      http_response& res = *answer;
      if (res.status >= 400) log::info("http", "{} {} {} → {}", remote, req.method, req.path, res.status);
      bool keep_alive = msg.keep_alive() && !stopping;
      co_await write(*stream, res, msg.version(), keep_alive, ec);
      if (ec || !keep_alive) break;
    }
    stream->socket().shutdown(tcp::socket::shutdown_both, ec);
    sessions.erase(stream);
  }

  ws_answer upgrade(const http_request& req) {
    if (stopping) return ws_answer::refuse(json_error(503, "shutting down"));
    try {
      return ws_routes.at(req.path)(req);
    } catch (const std::exception& e) {
      log::error("http", "WebSocket {} failed: {}", req.path, e.what());
      return ws_answer::refuse(json_error(500, "internal error"));
    }
  }

  net::awaitable<void> listen() {
    for (;;) {
      beast::error_code ec;
      tcp::socket socket(io);
      co_await acceptor.async_accept(socket, net::redirect_error(net::use_awaitable, ec));
      if (ec) {
        if (ec == net::error::operation_aborted || !acceptor.is_open()) co_return;
        log::warn("http", "accept: {}", ec.message());
        continue;
      }
      auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
      sessions.insert(stream);
      net::co_spawn(io, session(stream), [self = shared_from_this()](std::exception_ptr e) {
        if (!e) return;
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          log::error("http", "session ended by exception: {}", ex.what());
        }
      });
    }
  }
};

http_server::http_server(net::io_context& io, const server_config& cfg)
    : impl_(std::make_shared<impl>(io, cfg)) {}

http_server::~http_server() {
  stop();
}

void http_server::route(const std::string& method, const std::string& path, handler h) {
  impl_->routes[path][method] = [h = std::move(h)](const http_request& req,
                                                   std::function<void(http_response)> respond) {
    respond(h(req));
  };
}

void http_server::route_async(const std::string& method, const std::string& path, async_handler h) {
  impl_->routes[path][method] = std::move(h);
}

void http_server::websocket_route(const std::string& path, ws_handler h) {
  impl_->ws_routes[path] = std::move(h);
}

std::uint16_t http_server::start() {
  auto& a = impl_->acceptor;
  tcp::endpoint ep(net::ip::make_address(impl_->cfg.listen), impl_->cfg.port);
  a.open(ep.protocol());
  a.set_option(net::socket_base::reuse_address(true));
  a.bind(ep);
  a.listen(net::socket_base::max_listen_connections);
  std::uint16_t port = a.local_endpoint().port();
  net::co_spawn(impl_->io, impl_->listen(), [self = impl_](std::exception_ptr) {});
  log::info("http", "listening on {}:{}", impl_->cfg.listen, port);
  return port;
}

void http_server::stop() {
  impl_->stopping = true;
  beast::error_code ec;
  if (impl_->acceptor.is_open()) impl_->acceptor.close(ec);
  for (const auto& s : impl_->sessions) s->socket().cancel(ec);
  for (const auto& w : impl_->waiting) w->wake.cancel();
  for (const auto& w : impl_->websockets)
    if (auto ws = w.lock()) ws->close();
}

}  // namespace bot
