// Events per second a real estatebot takes from a OneBot client on loopback: signed HTTP POSTs
// over keep-alive connections, and frames over one reverse WebSocket. The app runs on its own
// thread and io_context, with a fresh SQLite file per run (WAL, as in production); the load
// generator runs on another. Every `reply_every`-th event is `我的工单` from a new sender, so the
// run includes commands, outbox rows and API calls answered by the fake client; the rest is
// ordinary group chatter (dedupe, chat and member rows, command parsing). "events/s" counts until
// every event is committed; "all done" until every reply was sent and confirmed. Pacing is lifted
// (the defaults would hold replies at one per second per group) to measure estatebot, not QQ.
//   onebot_load [--events N] [--connections C] [--reply-every K]
#include <SQLiteCpp/Database.h>
#include <utility>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <future>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "bot/app.hpp"
#include "bot/clock.hpp"
#include "bot/core.hpp"
#include "bot/crypto.hpp"
#include "bot/http_server.hpp"
#include "bot/log.hpp"
#include "storage/stores.hpp"

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;
using nlohmann::json;

namespace {

constexpr const char* secret = "bench-secret";
constexpr const char* token = "bench-token";
constexpr std::int64_t bot_qq = 3889001234;
constexpr int groups = 50;
constexpr int people = 500;

struct options {
  int events = 20'000;
  int connections = 8;
  int reply_every = 10;
  std::string durability = "power";  // [storage] durability: "power" syncs every commit, "process" not
};

bool is_command(const options& o, int i) {
  return o.reply_every > 0 && i % o.reply_every == o.reply_every - 1;
}

std::string event(const options& o, int i) {
  const bool command = is_command(o, i);
  const std::int64_t user = 2'000'000'000LL + (command ? 100'000 + i : i % people);
  const std::string text = command ? "我的工单" : "大家好，今天电梯有点慢 " + std::to_string(i);
  return json{
      {"time", 1764547200 + i},
      {"self_id", bot_qq},
      {"post_type", "message"},
      {"message_type", "group"},
      {"sub_type", "normal"},
      {"message_id", 1'000'000 + i},
      {"group_id", 880000 + i % groups},
      {"user_id", user},
      {"message", json::array({{{"type", "text"}, {"data", {{"text", text}}}}})},
      {"raw_message", text},
      {"font", 14},
      {"sender", {{"user_id", user}, {"nickname", "邻居" + std::to_string(user % 1000)}, {"card", ""}}}}
      .dump();
}

// A running estatebot on its own thread.
class app_thread {
 public:
  app_thread(const std::string& dir, const std::string& api_url, const std::string& durability) {
    std::filesystem::create_directories(dir);
    auto cfg = bot::config::parse(R"(
[server]
port = 0
[storage]
path = ")" + dir + R"(/bench.sqlite3"
durability = ")" + durability + R"("
[outbox.platforms.onebot]
per_second = 100000.0
burst = 1000
per_chat_per_second = 1000.0
per_chat_burst = 100
[adapters.console]
enabled = false
[adapters.onebot]
enabled = true
secret = ")" + std::string(secret) +
                                  R"("
access_token = ")" + std::string(token) +
                                  R"("
api_url = ")" + api_url + R"("
)");
    std::promise<std::uint16_t> port;
    thread_ = std::thread([&, cfg] {
      app_ = std::make_unique<bot::app>(cfg, io_, clock_);
      port.set_value(app_->start(false));
      io_.run();
    });
    port_ = port.get_future().get();
  }

  ~app_thread() {
    net::post(io_, [this] { app_->stop(); });
    thread_.join();
  }

  // Runs `f` on the app's thread and waits for its result.
  template <class F>
  auto on_app(F f) {
    std::promise<decltype(f(*app_))> result;
    net::post(io_, [&] { result.set_value(f(*app_)); });
    return result.get_future().get();
  }

  std::uint16_t port() const { return port_; }

 private:
  net::io_context io_;
  bot::system_clock clock_;
  std::unique_ptr<bot::app> app_;
  std::thread thread_;
  std::uint16_t port_ = 0;
};

std::int64_t count(bot::app& a, const std::string& from) {
  return a.state().database.raw().execAndGet("SELECT count(*) FROM " + from).getInt64();
}

// The client's HTTP API: answers every send at once.
struct api_sink {
  explicit api_sink(net::io_context& io) : server(io, config()) {
    server.route("POST", "/send_group_msg", [this](const bot::http_request&) {
      ++calls;
      return bot::http_response{
          200,
          "application/json",
          json{{"status", "ok"}, {"retcode", 0}, {"data", {{"message_id", calls}}}}.dump(),
          {}};
    });
    port = server.start();
  }
  static bot::server_config config() {
    bot::server_config c;
    c.port = 0;
    return c;
  }
  bot::http_server server;
  std::uint16_t port = 0;
  int calls = 0;
};

net::awaitable<void> post_worker(const options& o, std::uint16_t port, int& next, int& done, int& refused) {
  beast::tcp_stream stream(co_await net::this_coro::executor);
  co_await stream.async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), net::use_awaitable);
  beast::flat_buffer buffer;
  while (next < o.events) {
    const int i = next++;
    http::request<http::string_body> req{http::verb::post, "/onebot", 11};
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::content_type, "application/json");
    req.set("X-Self-ID", std::to_string(bot_qq));
    req.body() = event(o, i);
    req.set("X-Signature", "sha1=" + bot::crypto::hmac_sha1_hex(secret, req.body()));
    req.keep_alive(true);
    req.prepare_payload();
    co_await http::async_write(stream, req, net::use_awaitable);
    http::response<http::string_body> res;
    co_await http::async_read(stream, buffer, res, net::use_awaitable);
    if (res.result_int() != 204) ++refused;
    ++done;
  }
}

void run_http(const options& o) {
  net::io_context io;
  api_sink sink(io);
  app_thread app(
      std::filesystem::temp_directory_path().string() + "/estatebot-bench-http-" + std::to_string(::getpid()),
      "http://127.0.0.1:" + std::to_string(sink.port), o.durability);
  int next = 0, done = 0, refused = 0;
  const int expected_replies = o.reply_every > 0 ? o.events / o.reply_every : 0;
  auto start = std::chrono::steady_clock::now();
  for (int c = 0; c < o.connections; ++c)
    net::co_spawn(io, post_worker(o, app.port(), next, done, refused), [](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
    });
  while (done < o.events) io.run_one();
  auto intake = std::chrono::steady_clock::now() - start;
  while (app.on_app([](bot::app& a) { return count(a, "outbox WHERE state = 'sent'"); }) < expected_replies)
    io.run_one_for(std::chrono::milliseconds(5));
  auto all = std::chrono::steady_clock::now() - start;
  auto seen = app.on_app([](bot::app& a) { return count(a, "inbound_seen"); });
  double secs = std::chrono::duration<double>(intake).count();
  std::printf(
      "HTTP POST : %d events in %.2f s = %.0f events/s (%d keep-alive connections, %d refused, %lld stored); "
      "%d replies through the HTTP API, all done in %.2f s\n",
      o.events, secs, o.events / secs, o.connections, refused, static_cast<long long>(seen), sink.calls,
      std::chrono::duration<double>(all).count());
  std::filesystem::remove_all(std::filesystem::temp_directory_path().string() + "/estatebot-bench-http-" +
                              std::to_string(::getpid()));
}

struct ws_bench {
  net::awaitable<void> run(std::uint16_t port) {
    ws.set_option(websocket::stream_base::decorator([](websocket::request_type& req) {
      req.set("X-Self-ID", std::to_string(bot_qq));
      req.set("X-Client-Role", "Universal");
      req.set(http::field::authorization, std::string("Bearer ") + token);
    }));
    co_await beast::get_lowest_layer(ws).async_connect(
        tcp::endpoint(net::ip::make_address("127.0.0.1"), port), net::use_awaitable);
    co_await ws.async_handshake("127.0.0.1", "/onebot/ws", net::use_awaitable);
    open = true;
    beast::flat_buffer buffer;
    for (;;) {
      beast::error_code ec;
      co_await ws.async_read(buffer, net::redirect_error(net::use_awaitable, ec));
      if (ec) co_return;
      auto call = json::parse(beast::buffers_to_string(buffer.data()));
      buffer.consume(buffer.size());
      if (call.value("action", "").rfind("send_", 0) == 0) ++calls;  // not the group name lookups
      queue.push_back(
          json{{"status", "ok"}, {"retcode", 0}, {"data", {{"message_id", calls}}}, {"echo", call["echo"]}}
              .dump());
      flush();
    }
  }

  void flush() {
    if (writing || queue.empty()) return;
    writing = true;
    net::co_spawn(ws.get_executor(), write(), net::detached);
  }

  net::awaitable<void> write() {
    while (!queue.empty()) {
      ws.text(true);
      co_await ws.async_write(net::buffer(queue.front()), net::use_awaitable);
      queue.pop_front();
    }
    writing = false;
  }

  explicit ws_bench(net::io_context& io) : ws(io) {}
  websocket::stream<beast::tcp_stream> ws;
  std::deque<std::string> queue;
  bool writing = false;
  bool open = false;
  int calls = 0;
};

void run_ws(const options& o) {
  net::io_context io;
  const std::string dir =
      std::filesystem::temp_directory_path().string() + "/estatebot-bench-ws-" + std::to_string(::getpid());
  app_thread app(dir, "", o.durability);
  ws_bench client(io);
  net::co_spawn(io, client.run(app.port()), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  while (!client.open) io.run_one();
  const int expected_replies = o.reply_every > 0 ? o.events / o.reply_every : 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < o.events; ++i) client.queue.push_back(event(o, i));
  client.flush();
  // Processed events are counted on the app's thread; polling every 20 ms bounds the error.
  auto processed = [&] { return app.on_app([](bot::app& a) { return count(a, "inbound_seen"); }); };
  while (processed() < o.events) io.run_for(std::chrono::milliseconds(20));
  auto intake = std::chrono::steady_clock::now() - start;
  while (app.on_app([](bot::app& a) { return count(a, "outbox WHERE state = 'sent'"); }) < expected_replies)
    io.run_for(std::chrono::milliseconds(5));
  auto all = std::chrono::steady_clock::now() - start;
  double secs = std::chrono::duration<double>(intake).count();
  std::printf(
      "reverse WS: %d events in %.2f s = %.0f events/s (one Universal connection); "
      "%d replies answered over the same socket, all done in %.2f s\n",
      o.events, secs, o.events / secs, client.calls, std::chrono::duration<double>(all).count());
  std::filesystem::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
  options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--durability") {
      o.durability = argv[i + 1];
      continue;
    }
    int v = std::stoi(argv[i + 1]);
    if (k == "--events")
      o.events = v;
    else if (k == "--connections")
      o.connections = v;
    else if (k == "--reply-every")
      o.reply_every = v;
    else {
      std::cerr << "usage: onebot_load [--events N] [--connections C] [--reply-every K] "
                   "[--durability power|process]\n";
      return 2;
    }
  }
  bot::log::set_min_level(bot::log::level::warn);
  std::printf("estatebot %s, %u hardware threads, %d events, 1 in %d a command (我的工单), durability %s\n",
              ESTATEBOT_VERSION, std::thread::hardware_concurrency(), o.events, o.reply_every,
              o.durability.c_str());
  run_http(o);
  run_ws(o);
}
