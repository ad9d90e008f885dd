#include "bot/ws_session.hpp"

#include <utility>  // before Asio: Boost 1.74 with GCC 12 needs it

#include <unistd.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>

#include "bot/log.hpp"

namespace bot {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

namespace {

// A ping after half of it without traffic; no answer for all of it closes the connection.
constexpr auto ws_idle_timeout = std::chrono::seconds(90);

// The upgrade request again, in the shape Beast's handshake reads.
http::request<http::empty_body> handshake_of(const http_request& req) {
  http::request<http::empty_body> r{http::string_to_verb(req.method), req.target, 11};
  for (const auto& [name, value] : req.headers) r.insert(name, value);
  return r;
}

// One accepted WebSocket: a read loop, and a writer that keeps one frame in flight (Beast allows one
// outstanding write), so send() may be called at any time from the event loop.
class ws_session final : public ws_connection, public std::enable_shared_from_this<ws_session> {
 public:
  ws_session(tcp::socket&& socket, std::string remote, std::size_t max_message, std::string subprotocol)
      : ws_(beast::tcp_stream(std::move(socket))), remote_(std::move(remote)) {
    beast::get_lowest_layer(ws_).expires_never();  // the websocket timeouts take over
    auto timeouts = websocket::stream_base::timeout::suggested(beast::role_type::server);
    timeouts.idle_timeout = ws_idle_timeout;
    ws_.set_option(timeouts);
    ws_.set_option(websocket::stream_base::decorator(
        [subprotocol = std::move(subprotocol)](websocket::response_type& res) {
          res.set(http::field::server, "estatebot/" ESTATEBOT_VERSION);
          if (!subprotocol.empty()) res.set(http::field::sec_websocket_protocol, subprotocol);
        }));
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
  net::awaitable<void> run(http::request<http::empty_body> req,
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

std::shared_ptr<ws_connection> start_websocket(net::io_context& io, ws_start start) {
  tcp::socket socket(io);
  beast::error_code ec;
  socket.assign(start.ipv6 ? tcp::v6() : tcp::v4(), start.descriptor, ec);
  if (ec) {
    log::warn("ws", "{}: connection not taken over: {}", start.handshake.remote, ec.message());
    ::close(start.descriptor);
    if (start.ended) start.ended();
    return nullptr;
  }
  auto ws = std::make_shared<ws_session>(std::move(socket), start.handshake.remote, start.max_message,
                                         std::move(start.subprotocol));
  net::co_spawn(io, ws->run(handshake_of(start.handshake), std::move(start.accept)),
                [ws, ended = std::move(start.ended)](std::exception_ptr) {
                  if (ended) ended();
                });
  return ws;
}

}  // namespace bot
