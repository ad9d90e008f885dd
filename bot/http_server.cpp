#include "bot/http_server.hpp"

#include <sys/resource.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "bot/accept_backoff.hpp"
#include "bot/connection_table.hpp"
#include "bot/http_routes.hpp"
#include "bot/log.hpp"
#include "bot/log_throttle.hpp"
#include "bot/ws_session.hpp"

namespace bot {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

namespace {

constexpr std::size_t header_limit = 16 * 1024;
// What one connection may hold before its request was admitted: a header and a little more.
constexpr std::size_t read_chunk = 4096;
constexpr std::size_t read_buffer_limit = header_limit + read_chunk;
constexpr auto log_interval = std::chrono::seconds(10);

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Connections that fit the descriptor limit with room left for the database, logs and outbound calls.
std::size_t descriptor_room() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
    return std::numeric_limits<std::size_t>::max();
  const auto soft = static_cast<std::size_t>(limit.rlim_cur);
  return soft > 128 ? soft - 64 : std::max<std::size_t>(soft / 2, 1);
}

// The request line and headers as a plain request; the body follows once admitted.
http_request request_of(const http::request_header<>& head, const std::string& remote) {
  http_request req;
  req.method = std::string(head.method_string());
  req.target = std::string(head.target());
  auto q = req.target.find('?');
  req.path = req.target.substr(0, q);
  if (q != std::string::npos) req.query = req.target.substr(q + 1);
  for (const auto& f : head) req.headers.emplace_back(lower(f.name_string()), std::string(f.value()));
  req.remote = remote;
  return req;
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

}  // namespace

// An answer that an asynchronous handler gives later; the session waits on the timer.
struct pending_answer {
  explicit pending_answer(net::io_context& io) : wake(io, net::steady_timer::time_point::max()) {}
  net::steady_timer wake;
  std::optional<http_response> answer;
  std::optional<bool> committed;  // for answers held until their writes commit
};

struct http_server::impl : std::enable_shared_from_this<impl> {
  impl(net::io_context& io, const server_config& cfg)
      : io(io), cfg(cfg), acceptor(io), accept_pause(io), routes(cfg), table(cfg.max_connections) {}

  net::io_context& io;
  server_config cfg;
  tcp::acceptor acceptor;
  net::steady_timer accept_pause;
  http_routes routes;
  connection_table table;
  std::map<std::uint64_t, std::shared_ptr<beast::tcp_stream>> streams;  // HTTP connections by table id
  std::vector<std::weak_ptr<ws_connection>> websockets;
  std::set<std::shared_ptr<pending_answer>> waiting;
  accept_backoff backoff;
  log_throttle accept_errors{log_interval}, refused_connections{log_interval};
  bool stopping = false;
  std::function<void(double)> answered;
  http_server::commit_gate gate;

  // With group commit an answer waits for the commit of what its handler wrote; when the commit
  // failed (or the server stops first) the event was not stored and the platform must send it again.
  net::awaitable<void> hold_until_committed(std::optional<http_response>& answer,
                                            const http_server::commit_waiter& waiter) {
    if (!answer || !waiter) co_return;
    auto held = std::make_shared<pending_answer>(io);
    waiter([held](bool committed) {
      if (held->committed) return;
      held->committed = committed;
      held->wake.cancel();
    });
    if (!held->committed && !stopping) {
      waiting.insert(held);
      beast::error_code ec;
      co_await held->wake.async_wait(net::redirect_error(net::use_awaitable, ec));
      waiting.erase(held);
    }
    if (!held->committed.value_or(false)) answer = json_error(500, "not stored, please send it again");
  }

  // The answer, or nullopt when the server stopped before an asynchronous handler gave one.
  net::awaitable<std::optional<http_response>> dispatch(const http_request& req, const route_entry& entry) {
    auto pending = std::make_shared<pending_answer>(io);
    try {
      entry.handle(req, [pending](http_response r) {
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

  void observe(std::chrono::steady_clock::time_point started) const {
    if (answered) answered(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }

  net::awaitable<void> write(beast::tcp_stream& stream, const http_response& r, unsigned version,
                             bool keep_alive, beast::error_code& ec) {
    auto res = to_beast(r, version, keep_alive);
    stream.expires_after(std::chrono::milliseconds(cfg.read_timeout_ms));
    co_await http::async_write(stream, res, net::redirect_error(net::use_awaitable, ec));
  }

  // Waits for the first byte of the next request; meanwhile the connection is idle and may be
  // closed to make room for a new one. False when the connection ended.
  net::awaitable<bool> wait_for_request(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                        std::uint64_t id) {
    if (buffer.size() > 0) co_return true;
    beast::error_code ec;
    table.set_idle(id, true);
    stream.expires_after(std::chrono::milliseconds(cfg.read_timeout_ms));
    std::size_t n = co_await stream.async_read_some(buffer.prepare(read_chunk),
                                                    net::redirect_error(net::use_awaitable, ec));
    buffer.commit(n);
    table.set_idle(id, false);
    co_return n > 0;
  }

  // Answers a failed read where an answer is due (413, 400); a closed or timed-out one just ends.
  net::awaitable<void> answer_read_error(beast::tcp_stream& stream, beast::error_code ec,
                                         const std::string& remote) {
    if (ec == http::error::body_limit) {
      log::warn("http", "{}: body over {} bytes refused", remote, cfg.max_body_bytes);
      co_await write(stream, json_error(413, "body too large"), 11, false, ec);
    } else if (ec != http::error::end_of_stream && ec != net::error::operation_aborted &&
               ec != beast::error::timeout && ec != net::error::connection_reset && ec != net::error::eof) {
      log::warn("http", "{}: malformed request: {}", remote, ec.message());
      co_await write(stream, json_error(400, "malformed HTTP request"), 11, false, ec);
    }
  }

  net::awaitable<void> session(std::shared_ptr<beast::tcp_stream> stream, std::uint64_t id) {
    struct ending {  // however the session ends, its connection leaves the table
      std::shared_ptr<impl> self;
      std::uint64_t id;
      bool counted = true;
      ~ending() {
        self->streams.erase(id);
        if (counted) self->table.closed(id);
      }
    } end{shared_from_this(), id};
    beast::flat_buffer buffer(read_buffer_limit);
    beast::error_code ec;
    std::string remote;
    {
      auto ep = stream->socket().remote_endpoint(ec);
      if (!ec) remote = ep.address().to_string() + ":" + std::to_string(ep.port());
    }
    for (;;) {
      if (!co_await wait_for_request(*stream, buffer, id)) break;
      http::request_parser<http::string_body> parser;
      parser.header_limit(header_limit);
      parser.body_limit(cfg.max_body_bytes);
      stream->expires_after(std::chrono::milliseconds(cfg.read_timeout_ms));
      co_await http::async_read_header(*stream, buffer, parser, net::redirect_error(net::use_awaitable, ec));
      if (ec) {
        co_await answer_read_error(*stream, ec, remote);
        break;
      }
      const auto started = std::chrono::steady_clock::now();
      http_request req = request_of(parser.get(), remote);
      const bool upgrade = websocket::is_upgrade(parser.get()) && routes.websocket.contains(req.path);
      const route_entry* entry = nullptr;
      body_hold hold(routes.budget());
      if (!upgrade) {
        std::optional<std::uint64_t> length;
        if (auto declared = parser.content_length()) length = *declared;
        if (auto refusal = routes.admit(req, length, entry, hold)) {
          log::info("http", "{} {} {} → {} (from the headers)", remote, req.method, req.path,
                    refusal->status);
          co_await write(*stream, *refusal, parser.get().version(), false, ec);
          observe(started);
          break;  // the body was not read: the connection cannot carry another request
        }
      }
      if (beast::iequals(parser.get()[http::field::expect], "100-continue")) {
        http::response<http::empty_body> cont{http::status::continue_, parser.get().version()};
        co_await http::async_write(*stream, cont, net::redirect_error(net::use_awaitable, ec));
      }
      if (!ec)
        co_await http::async_read(*stream, buffer, parser, net::redirect_error(net::use_awaitable, ec));
      if (ec) {
        co_await answer_read_error(*stream, ec, remote);
        break;
      }
      auto msg = parser.release();
      req.body = std::move(msg.body());
      if (upgrade) {
        ws_answer answer = this->upgrade(req);
        if (answer.accept) {
          hand_over(*stream, req, std::move(answer), id);
          end.counted = false;  // the WebSocket holds the descriptor now, and the table entry
          co_return;
        }
        log::info("http", "{} WebSocket {} refused → {}", remote, req.path, answer.refusal.status);
        co_await write(*stream, answer.refusal, msg.version(), false, ec);
        observe(started);
        break;
      }
      const auto waiter = gate ? gate() : http_server::commit_waiter{};
      auto answer = co_await dispatch(req, *entry);
      co_await hold_until_committed(answer, waiter);
      hold.release();
      if (!answer) break;
      http_response& res = *answer;
      if (res.status >= 400) log::info("http", "{} {} {} → {}", remote, req.method, req.path, res.status);
      bool keep_alive = msg.keep_alive() && !stopping;
      co_await write(*stream, res, msg.version(), keep_alive, ec);
      observe(started);
      if (ec || !keep_alive) break;
    }
    stream->socket().shutdown(tcp::socket::shutdown_both, ec);
  }

  // The socket goes to a WebSocket session, which stays counted until it ends.
  void hand_over(beast::tcp_stream& stream, const http_request& req, ws_answer answer, std::uint64_t id) {
    beast::error_code ec;
    const bool v6 = stream.socket().local_endpoint(ec).address().is_v6();
    ws_start start{stream.socket().release(ec),
                   v6,
                   req,
                   cfg.max_body_bytes,
                   std::move(answer.accept),
                   std::move(answer.subprotocol),
                   [self = shared_from_this(), id] { self->table.closed(id); }};
    if (ec) {
      log::warn("http", "{}: WebSocket not started: {}", req.remote, ec.message());
      table.closed(id);
      return;
    }
    std::erase_if(websockets, [](const auto& w) { return w.expired(); });
    websockets.push_back(start_websocket(io, std::move(start)));
  }

  ws_answer upgrade(const http_request& req) {
    if (stopping) return ws_answer::refuse(json_error(503, "shutting down"));
    try {
      return routes.websocket.at(req.path)(req);
    } catch (const std::exception& e) {
      log::error("http", "WebSocket {} failed: {}", req.path, e.what());
      return ws_answer::refuse(json_error(500, "internal error"));
    }
  }

  // After a failed accept (out of descriptors or memory, usually): a log line per interval, and a
  // growing pause, so the loop does not spin while the condition lasts.
  net::awaitable<void> pause_after(const beast::error_code& ec) {
    auto wait = backoff.failed();
    if (auto n = accept_errors.occurred(std::chrono::steady_clock::now()))
      log::warn("http", "accept failed {} time(s) since the last report: {}; retrying after {} ms", *n,
                ec.message(), wait.count());
    accept_pause.expires_after(wait);
    beast::error_code ignored;
    co_await accept_pause.async_wait(net::redirect_error(net::use_awaitable, ignored));
  }

  // Room for the new connection: the one idle the longest is closed for it, or it is refused.
  bool admit(tcp::socket& socket) {
    auto a = table.admit();
    beast::error_code ec;
    if (a.evict)
      if (auto it = streams.find(*a.evict); it != streams.end()) it->second->socket().close(ec);
    if (a.admitted) return true;
    if (auto n = refused_connections.occurred(std::chrono::steady_clock::now()))
      log::warn("http", "{} connection(s) refused: {} open, none idle (server.max_connections)", *n,
                cfg.max_connections);
    socket.close(ec);
    return false;
  }

  net::awaitable<void> listen() {
    while (!stopping) {
      beast::error_code ec;
      tcp::socket socket(io);
      co_await acceptor.async_accept(socket, net::redirect_error(net::use_awaitable, ec));
      if (ec == net::error::operation_aborted || !acceptor.is_open()) co_return;
      if (ec) {
        co_await pause_after(ec);
        continue;
      }
      backoff.succeeded();
      if (auto n = accept_errors.take_unreported())
        log::info("http", "accepting again after {} more failed accept(s)", n);
      if (!admit(socket)) continue;
      auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
      std::uint64_t id = table.opened();
      streams.emplace(id, stream);
      net::co_spawn(io, session(stream, id), [self = shared_from_this()](std::exception_ptr e) {
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

void http_server::route(const std::string& method, const std::string& path, handler h, header_check check) {
  impl_->routes.http[path][method] = {
      [h = std::move(h)](const http_request& req, std::function<void(http_response)> respond) {
        respond(h(req));
      },
      std::move(check)};
}

void http_server::on_answered(std::function<void(double)> f) {
  impl_->answered = std::move(f);
}

void http_server::hold_answers_until(commit_gate gate) {
  impl_->gate = std::move(gate);
}

void http_server::route_async(const std::string& method, const std::string& path, async_handler h) {
  impl_->routes.http[path][method] = {std::move(h), {}};
}

void http_server::websocket_route(const std::string& path, ws_handler h) {
  impl_->routes.websocket[path] = std::move(h);
}

std::uint16_t http_server::start() {
  auto& a = impl_->acceptor;
  tcp::endpoint ep(net::ip::make_address(impl_->cfg.listen), impl_->cfg.port);
  a.open(ep.protocol());
  a.set_option(net::socket_base::reuse_address(true));
  a.bind(ep);
  a.listen(net::socket_base::max_listen_connections);
  std::uint16_t port = a.local_endpoint().port();
  if (std::size_t room = descriptor_room(); impl_->cfg.max_connections > room) {
    log::warn("http", "server.max_connections {} lowered to {} to fit the descriptor limit (ulimit -n)",
              impl_->cfg.max_connections, room);
    impl_->cfg.max_connections = room;
    impl_->table = connection_table(room);
  }
  net::co_spawn(impl_->io, impl_->listen(), [self = impl_](std::exception_ptr) {});
  log::info("http", "listening on {}:{}", impl_->cfg.listen, port);
  return port;
}

void http_server::stop() {
  impl_->stopping = true;
  beast::error_code ec;
  if (impl_->acceptor.is_open()) impl_->acceptor.close(ec);
  impl_->accept_pause.cancel();
  for (const auto& [id, s] : impl_->streams) s->socket().cancel(ec);
  for (const auto& w : impl_->waiting) w->wake.cancel();
  for (const auto& w : impl_->websockets)
    if (auto ws = w.lock()) ws->close();
}

}  // namespace bot
