// Events per second a real estatebot takes from a OneBot client on loopback: signed HTTP POSTs
// over keep-alive connections, and frames over one reverse WebSocket. The app runs on its own
// thread and io_context, with a fresh SQLite file per run (WAL, as in production); the load
// generator runs on another. The mix:
//   chat    ordinary group chatter (dedupe, chat and member rows, command parsing, the intent model)
//   repair  every event a `报修` from a new owner: a ticket, its event, the reply in the outbox
//   mixed   chatter, and every 10th event `报修`
// "events/s" counts until every event is answered (and so committed); "all done" until every reply
// was sent to the fake API. Before estatebot, the same generator drives a bare Beast server that
// answers 204 and does nothing else (built here with the same flags): the ratio is estatebot's share
// of what the HTTP stack alone can do on this machine. Pacing is lifted (the defaults would hold
// replies at one per second per group) to measure estatebot, not QQ.
//   onebot_load [--events N] [--connections C] [--mix chat|repair|mixed] [--durability power|process]
//               [--commit-batch B] [--no-ws] [--postgres URL [--instances N]]
#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <utility>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
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
#include "storage/pg_engine.hpp"
#include "storage/statement.hpp"
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
  int connections = 32;
  std::string mix = "mixed";
  std::string durability = "power";  // [storage] durability: "power" syncs every commit, "process" not
  int commit_batch = 0;              // [storage] commit_batch; 0: the default
  double rate = 0;                   // events/s offered on a schedule; 0: as fast as answered
  bool ws = true;
  std::string postgres;  // a PostgreSQL URL: the app runs there (in schema onebot_load) instead of SQLite
  int instances = 1;     // estatebot instances on the one database (PostgreSQL), connections spread over them
};

bool is_command(const options& o, int i) {
  return o.mix == "repair" || (o.mix == "mixed" && i % 10 == 9);
}

// Each 报修 is answered in its group and announced in the staff group: two pieces of news, though
// the staff group's may arrive joined, several to a message.
int expected_news(const options& o) {
  if (o.mix == "repair") return 2 * o.events;
  return o.mix == "mixed" ? 2 * (o.events / 10) : 0;
}

// Pieces of news in one send: each new ticket announced in it, or the one reply.
int news_in(const std::string& body) {
  static const std::string announced = "新工单 #";
  int n = 0;
  for (auto at = body.find(announced); at != std::string::npos; at = body.find(announced, at + 1)) ++n;
  return n > 0 ? n : 1;
}

std::string event(const options& o, int i) {
  const bool command = is_command(o, i);
  const std::int64_t user = 2'000'000'000LL + (command ? 100'000 + i : i % people);
  const std::string text = command ? fmt::format("报修 {}栋{}单元{}室 厨房水管漏水，地上全是水 {}", 1 + i % 9,
                                                 1 + i % 3, 101 + i % 1800, i)
                                   : "大家好，今天电梯有点慢 " + std::to_string(i);
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

// SQLite in the run's folder, or a schema of its own in the PostgreSQL database given.
std::string storage_lines(const std::string& dir, const options& o) {
  if (o.postgres.empty()) return "path = \"" + dir + "/bench.sqlite3\"\n";
  return "backend = \"postgres\"\nurl = \"" + storage::url_in_schema(o.postgres, "onebot_load") + "\"\n";
}

void fresh_schema(const options& o) {
  if (o.postgres.empty()) return;
  storage::database admin(o.postgres);
  admin.exec("DROP SCHEMA IF EXISTS onebot_load CASCADE");
  admin.exec("CREATE SCHEMA onebot_load");
}

// A running estatebot on its own thread.
class app_thread {
 public:
  app_thread(const std::string& dir, const std::string& api_url, const options& o) {
    std::filesystem::create_directories(dir);
    auto cfg = bot::config::parse(R"(
[server]
port = 0
[storage]
)" + storage_lines(dir, o) + R"(durability = ")" +
                                  o.durability + R"("
)" + (o.commit_batch > 0 ? "commit_batch = " + std::to_string(o.commit_batch) + "\n" : std::string()) +
                                  R"(
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

  // A staff group in the owners' community, as 绑定小区 would register it: each ticket is announced
  // there, as in a real property office.
  void add_staff_group() {
    on_app([](bot::app& a) {
      const std::int64_t now = bot::system_clock().now_ms();
      auto& db = a.state().db;
      const auto row = db.chats.touch({"onebot", std::to_string(bot_qq), bot::chat_kind::group, "889999"},
                                      "物业员工群", a.state().svc.default_community, now);
      db.chats.register_to(row.id, a.state().svc.default_community, std::nullopt, "staff", 0, now);
      return true;
    });
  }

 private:
  net::io_context io_;
  bot::system_clock clock_;
  std::unique_ptr<bot::app> app_;
  std::thread thread_;
  std::uint16_t port_ = 0;
};

std::int64_t count(bot::app& a, const std::string& from) {
  auto q = a.state().database.query("SELECT count(*) FROM " + from);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

// The client's HTTP API: answers every send at once.
struct api_sink {
  explicit api_sink(net::io_context& io) : server(io, config()) {
    server.route("POST", "/send_group_msg", [this](const bot::http_request& req) {
      ++calls;
      news += news_in(req.body);
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
  int news = 0;
};

// What the load generator saw: answers and their latencies.
struct tally {
  int next = 0, done = 0, refused = 0;
  std::vector<double> latency_ms;
  std::chrono::steady_clock::time_point start;
};

net::awaitable<void> post_worker(const options& o, std::uint16_t port, tally& t) {
  beast::tcp_stream stream(co_await net::this_coro::executor);
  co_await stream.async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), net::use_awaitable);
  beast::flat_buffer buffer;
  while (t.next < o.events) {
    const int i = t.next++;
    http::request<http::string_body> req{http::verb::post, "/onebot", 11};
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::content_type, "application/json");
    req.set("X-Self-ID", std::to_string(bot_qq));
    req.body() = event(o, i);
    req.set("X-Signature", "sha1=" + bot::crypto::hmac_sha1_hex(secret, req.body()));
    req.keep_alive(true);
    req.prepare_payload();
    auto sent = std::chrono::steady_clock::now();
    if (o.rate >
        0) {  // event i is due at i / rate: latency counts from then, waiting for a connection included
      const auto due = t.start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                     std::chrono::duration<double>(i / o.rate));
      net::steady_timer wait(stream.get_executor(), due);
      co_await wait.async_wait(net::use_awaitable);
      sent = due;
    }
    co_await http::async_write(stream, req, net::use_awaitable);
    http::response<http::string_body> res;
    co_await http::async_read(stream, buffer, res, net::use_awaitable);
    t.latency_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sent).count());
    if (res.result_int() != 204) ++t.refused;
    ++t.done;
  }
}

// Drives `port` with o.events signed events over o.connections keep-alive connections; returns the
// seconds until the last answer.
double drive(const options& o, net::io_context& io, const std::vector<std::uint16_t>& ports, tally& t) {
  const auto start = std::chrono::steady_clock::now();
  t.start = start;
  for (int c = 0; c < o.connections; ++c)
    net::co_spawn(io, post_worker(o, ports[static_cast<std::size_t>(c) % ports.size()], t),
                  [](std::exception_ptr e) {
                    if (e) std::rethrow_exception(e);
                  });
  while (t.done < o.events) io.run_one();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string percentiles(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  auto at = [&](double q) {
    return v.empty() ? 0.0 : v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))];
  };
  return fmt::format("p50 {:.2f} ms, p99 {:.2f} ms, p99.9 {:.2f} ms", at(0.5), at(0.99), at(0.999));
}

double cpu_seconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long peak_rss_mb() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

// The baseline: a Beast server on its own thread that reads each request and answers 204.
class bare_server {
 public:
  bare_server() : acceptor_(io_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)) {
    port_ = acceptor_.local_endpoint().port();
    net::co_spawn(io_, accept(), net::detached);
    thread_ = std::thread([this] { io_.run(); });
  }
  ~bare_server() {
    io_.stop();
    thread_.join();
  }
  std::uint16_t port() const { return port_; }

 private:
  net::awaitable<void> accept() {
    for (;;) {
      auto socket = co_await acceptor_.async_accept(net::use_awaitable);
      net::co_spawn(io_, session(beast::tcp_stream(std::move(socket))), net::detached);
    }
  }
  static net::awaitable<void> session(beast::tcp_stream stream) {
    beast::flat_buffer buffer;
    for (;;) {
      http::request<http::string_body> req;
      beast::error_code ec;
      co_await http::async_read(stream, buffer, req, net::redirect_error(net::use_awaitable, ec));
      if (ec) co_return;
      http::response<http::empty_body> res{http::status::no_content, req.version()};
      res.keep_alive(req.keep_alive());
      co_await http::async_write(stream, res, net::redirect_error(net::use_awaitable, ec));
      if (ec || !req.keep_alive()) co_return;
    }
  }

  net::io_context io_;
  tcp::acceptor acceptor_;
  std::uint16_t port_ = 0;
  std::thread thread_;
};

double run_baseline(const options& o) {
  net::io_context io;
  bare_server bare;
  tally t;
  const double secs = drive(o, io, {bare.port()}, t);
  std::printf("bare Beast: %.0f events/s, %s\n", o.events / secs, percentiles(t.latency_ms).c_str());
  return o.events / secs;
}

void run_http(const options& o, double baseline) {
  net::io_context io;
  api_sink sink(io);
  const std::string dir =
      std::filesystem::temp_directory_path().string() + "/estatebot-bench-http-" + std::to_string(::getpid());
  fresh_schema(o);
  std::vector<std::unique_ptr<app_thread>> apps;
  std::vector<std::uint16_t> ports;
  for (int i = 0; i < o.instances; ++i) {
    apps.push_back(std::make_unique<app_thread>(dir + "/" + std::to_string(i),
                                                "http://127.0.0.1:" + std::to_string(sink.port), o));
    ports.push_back(apps.back()->port());
  }
  app_thread& app = *apps.front();
  app.add_staff_group();
  tally t;
  const double cpu_before = cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  const double secs = drive(o, io, ports, t);
  const double cpu = cpu_seconds() - cpu_before;
  while (sink.news < expected_news(o)) io.run_one_for(std::chrono::milliseconds(5));
  const double all = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto seen = app.on_app([](bot::app& a) { return a.state().meter.inbound_total("processed"); });
  const auto tickets = app.on_app([](bot::app& a) { return count(a, "tickets"); });
  std::printf(
      "estatebot : %.0f events/s = %.0f%% of bare, %s; %d refused, %lld events processed and %lld tickets "
      "stored; "
      "%d replies and alerts in %d sends at the API, all done in %.2f s; %.0f µs CPU per event until "
      "answered "
      "(both sides); peak RSS %ld MB (both sides)\n",
      o.events / secs, 100.0 * (o.events / secs) / baseline, percentiles(t.latency_ms).c_str(), t.refused,
      static_cast<long long>(seen), static_cast<long long>(tickets), sink.news, sink.calls, all,
      1e6 * cpu / o.events, peak_rss_mb());
  std::filesystem::remove_all(dir);
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
      const std::string frame = beast::buffers_to_string(buffer.data());
      auto call = json::parse(frame);
      buffer.consume(buffer.size());
      if (call.value("action", "").rfind("send_", 0) == 0) {  // not the group name lookups
        ++calls;
        news += news_in(frame);
      }
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
  int news = 0;
};

void run_ws(const options& o) {
  net::io_context io;
  const std::string dir =
      std::filesystem::temp_directory_path().string() + "/estatebot-bench-ws-" + std::to_string(::getpid());
  fresh_schema(o);
  app_thread app(dir, "", o);
  app.add_staff_group();
  ws_bench client(io);
  net::co_spawn(io, client.run(app.port()), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  while (!client.open) io.run_one();
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < o.events; ++i) client.queue.push_back(event(o, i));
  client.flush();
  // Processed events are counted on the app's thread; polling every 20 ms bounds the error.
  auto processed = [&] {
    return app.on_app([](bot::app& a) { return a.state().meter.inbound_total("processed"); });
  };
  while (processed() < static_cast<std::uint64_t>(o.events)) io.run_for(std::chrono::milliseconds(20));
  auto intake = std::chrono::steady_clock::now() - start;
  while (client.news < expected_news(o)) io.run_for(std::chrono::milliseconds(5));
  auto all = std::chrono::steady_clock::now() - start;
  double secs = std::chrono::duration<double>(intake).count();
  std::printf(
      "reverse WS: %d events in %.2f s = %.0f events/s (one Universal connection); "
      "%d replies and alerts in %d sends answered over the same socket, all done in %.2f s\n",
      o.events, secs, o.events / secs, client.news, client.calls, std::chrono::duration<double>(all).count());
  std::filesystem::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    const bool has_value = i + 1 < argc;
    if (k == "--no-ws") {
      o.ws = false;
    } else if (k == "--durability" && has_value) {
      o.durability = argv[++i];
    } else if (k == "--mix" && has_value) {
      o.mix = argv[++i];
    } else if (k == "--events" && has_value) {
      o.events = std::stoi(argv[++i]);
    } else if (k == "--connections" && has_value) {
      o.connections = std::stoi(argv[++i]);
    } else if (k == "--commit-batch" && has_value) {
      o.commit_batch = std::stoi(argv[++i]);
    } else if (k == "--rate" && has_value) {
      o.rate = std::stod(argv[++i]);
    } else if (k == "--postgres" && has_value) {
      o.postgres = argv[++i];
    } else if (k == "--instances" && has_value) {
      o.instances = std::max(1, std::stoi(argv[++i]));
    } else {
      std::cerr << "usage: onebot_load [--events N] [--connections C] [--mix chat|repair|mixed] "
                   "[--durability power|process] [--commit-batch B] [--rate R] [--no-ws] [--postgres URL "
                   "[--instances N]]\n";
      return 2;
    }
  }
  if (o.mix != "chat" && o.mix != "repair" && o.mix != "mixed") {
    std::cerr << "onebot_load: --mix is chat, repair or mixed\n";
    return 2;
  }
  bot::log::set_min_level(bot::log::level::warn);
  if (o.instances > 1 && o.postgres.empty()) {
    std::cerr << "onebot_load: several instances need --postgres URL\n";
    return 2;
  }
  const std::string engine =
      o.postgres.empty() ? std::string("SQLite") : fmt::format("PostgreSQL, {} instance(s)", o.instances);
  std::printf("estatebot %s, %u hardware threads, %d events (%s), %d connections, durability %s, %s\n",
              ESTATEBOT_VERSION, std::thread::hardware_concurrency(), o.events, o.mix.c_str(), o.connections,
              o.durability.c_str(), engine.c_str());
  if (o.rate > 0)
    std::printf("offered at %.0f events/s on a schedule; latency counts from each event's due time\n",
                o.rate);
  const double baseline = run_baseline(o);
  run_http(o, baseline);
  if (o.ws) run_ws(o);
}
