// A bounded soak of the real estatebot (issue 10): for S seconds a fixed mixed rate of generic-webhook
// deliveries on loopback — group chatter, commands, 报修, repeated deliveries and a few malformed
// requests — while a fake bridge takes the replies. Every second the bot's RSS (VmRSS) and open
// descriptors (/proc/PID/fd) are sampled. At the end: requests and answers by status (no 5xx
// allowed), replies committed vs delivered at the bridge (every one delivered), and RSS and
// descriptors at start, middle and end with their slope. Exit 1 when a 5xx was answered or a reply
// was not delivered.
//   soak [BINARY] [--seconds S (300)] [--rate R events/s (50)]
#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "bot/crypto.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "bot/log.hpp"
#include "soak_stats.hpp"

namespace {

using clock_type = std::chrono::steady_clock;
constexpr const char* secret = "soak-secret";

struct options {
  std::string binary = ESTATEBOT_BINARY;
  int seconds = 300;
  int rate = 50;
};

options parse(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc)
      o.seconds = std::atoi(argv[++i]);
    else if (a == "--rate" && i + 1 < argc)
      o.rate = std::atoi(argv[++i]);
    else if (a.rfind("--", 0) != 0)
      o.binary = a;
  }
  if (o.seconds < 1 || o.seconds > 3600 || o.rate < 1 || o.rate > 500) {
    std::fprintf(stderr, "soak: 1..3600 seconds, 1..500 events/s\n");
    std::exit(2);
  }
  return o;
}

std::string message(std::uint64_t n, const std::string& chat, const std::string& text) {
  return nlohmann::json{{"platform", "wechat"},
                        {"message_id", "soak-" + std::to_string(n)},
                        {"chat",
                         {{"type", chat.find("@chatroom") != std::string::npos ? "group" : "direct"},
                          {"id", chat},
                          {"name", chat}}},
                        {"sender", {{"id", "wxid_owner_" + std::to_string(n % 37)}, {"name", "业主"}}},
                        {"text", text}}
      .dump();
}

// The n-th event of the fixed mix (20 per cycle): 10 chatter, 4 commands, 3 报修, 2 repeated
// deliveries, 1 malformed (a wrong signature or a body that is not JSON, alternately).
struct event {
  std::string body;
  bool bad_signature = false;
};

event nth_event(std::uint64_t n, std::vector<std::string>& sent_bodies) {
  const std::string group = "soak-" + std::to_string(n % 20) + "@chatroom";
  const std::uint64_t slot = n % 20;
  if (slot < 10) return {message(n, group, "今天天气不错，大家吃饭了吗 " + std::to_string(n))};
  if (slot < 14) {
    static const char* commands[] = {"我的工单", "帮助", "/nosuchcommand", "工单 1"};
    return {message(n, group, commands[slot - 10])};
  }
  if (slot < 17) {
    auto body = message(n, slot == 16 ? "wxid_owner_" + std::to_string(n % 37) : group,
                        "报修 3-2-1201 厨房水管漏水 " + std::to_string(n));
    sent_bodies.push_back(body);
    return {body};
  }
  if (slot < 19 && !sent_bodies.empty()) return {sent_bodies[n % sent_bodies.size()]};
  if (n % 40 < 20) return {message(n, group, "报修 被篡改的签名"), true};
  return {"{\"platform\": \"wechat\", truncated"};
}

std::uint16_t port_of(const std::string& log_path) {
  static const std::regex listening(R"(listening on 127\.0\.0\.1:(\d+))");
  std::ifstream in(log_path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::smatch m;
  return std::regex_search(text, m, listening) ? static_cast<std::uint16_t>(std::stoi(m[1])) : 0;
}

pid_t start_bot(const options& o, const std::filesystem::path& dir, std::uint16_t bridge_port) {
  std::ofstream(dir / "config.toml") << fmt::format(R"([server]
port = 0
[storage]
path = "{}"
[outbox]
per_chat_per_second = 5.0
per_chat_burst = 10
[outbox.platforms.webhook]
per_second = 500.0
burst = 500
[adapters.console]
enabled = false
[adapters.webhook]
enabled = true
secret = "{}"
outbound_url = "http://127.0.0.1:{}/bridge"
)",
                                                    (dir / "bot.sqlite3").string(), secret, bridge_port);
  pid_t pid = ::fork();
  if (pid == 0) {
    std::FILE* log = std::fopen((dir / "bot.log").c_str(), "w");
    ::dup2(fileno(log), 1);
    ::dup2(fileno(log), 2);
    ::execl(o.binary.c_str(), o.binary.c_str(), "--config", (dir / "config.toml").c_str(), nullptr);
    ::_exit(127);
  }
  return pid;
}

// What the run saw: requests by answer, deliveries at the bridge.
struct tally {
  std::uint64_t sent = 0, answered = 0;
  std::map<int, std::size_t> statuses;  // 0: no HTTP answer
  std::set<std::string> delivered;      // X-Estatebot-Delivery ids
  std::size_t bridge_posts = 0;
};

// Sends the mix at a fixed rate until `end`, sampling once a second.
void drive(boost::asio::io_context& io, std::uint16_t port, const options& o, tally& t,
           soak::samples& samples) {
  bot::http_client client(io);
  std::vector<std::string> repairs;
  const auto start = clock_type::now(), end = start + std::chrono::seconds(o.seconds);
  const auto interval = std::chrono::microseconds(1'000'000 / o.rate);
  boost::asio::steady_timer tick(io);
  auto next_sample = start;
  std::function<void()> send_next = [&] {
    const auto now = clock_type::now();
    if (now >= next_sample) {
      samples.take();
      next_sample += std::chrono::seconds(1);
    }
    if (now >= end) return;
    event e = nth_event(t.sent, repairs);
    bot::http_call call;
    call.url = fmt::format("http://127.0.0.1:{}/webhook/generic", port);
    call.body = e.body;
    call.headers = {{"Content-Type", "application/json"},
                    {"X-Signature",
                     "sha256=" + bot::crypto::hmac_sha256_hex(e.bad_signature ? "wrong" : secret, e.body)}};
    ++t.sent;
    client.request(call, [&t](bot::http_reply r) {
      ++t.answered;
      ++t.statuses[r.status];
    });
    tick.expires_at(tick.expiry() + interval);
    tick.async_wait([&](auto) { send_next(); });
  };
  tick.expires_at(start);
  send_next();
  io.run_until(end + std::chrono::seconds(1));
  // Answers still due, bounded.
  const auto answers_end = clock_type::now() + std::chrono::seconds(30);
  while (t.answered < t.sent && clock_type::now() < answers_end) io.run_for(std::chrono::milliseconds(100));
}

// Replies the bot committed for webhook chats, read beside it.
std::int64_t committed_replies(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  return db.execAndGet("SELECT count(*) FROM outbox WHERE platform = 'webhook'").getInt64();
}

// Prints the figures; true when nothing answered 5xx (or not at all) and every reply was delivered.
bool report(const options& o, const tally& t, std::int64_t expected, const soak::samples& samples) {
  std::size_t server_errors = 0;
  std::printf("soak: %d s at %d events/s against %s\n", o.seconds, o.rate, o.binary.c_str());
  std::printf("  requests sent %llu, answered %llu; by status:", static_cast<unsigned long long>(t.sent),
              static_cast<unsigned long long>(t.answered));
  for (const auto& [status, n] : t.statuses) {
    std::printf(" %d x%zu", status, n);
    if (status >= 500 || status == 0) server_errors += n;
  }
  std::printf("\n  replies committed %lld, delivered at the bridge %zu (%zu posts)\n",
              static_cast<long long>(expected), t.delivered.size(), t.bridge_posts);
  samples.print();
  const bool ok =
      server_errors == 0 && t.answered == t.sent && static_cast<std::int64_t>(t.delivered.size()) >= expected;
  std::printf("  %s\n", ok ? "OK: no 5xx, every request answered, every reply delivered" : "FAILED");
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  const options o = parse(argc, argv);
  bot::log::set_min_level(bot::log::level::warn);  // the fake bridge's own lines are no figures
  const auto dir = std::filesystem::temp_directory_path() / ("estatebot_soak_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  boost::asio::io_context io;
  bot::server_config bridge_cfg;
  bridge_cfg.port = 0;
  bot::http_server bridge(io, bridge_cfg);
  tally t;
  bridge.route("POST", "/bridge", [&t](const bot::http_request& req) {
    ++t.bridge_posts;
    t.delivered.insert(req.header("x-estatebot-delivery"));
    return bot::http_response{
        200, "application/json", R"({"message_id":"b-)" + std::to_string(t.bridge_posts) + "\"}", {}};
  });
  const pid_t bot_pid = start_bot(o, dir, bridge.start());
  std::uint16_t port = 0;
  for (int i = 0; i < 200 && !(port = port_of((dir / "bot.log").string())); ++i)
    io.run_for(std::chrono::milliseconds(50));
  if (!port) {
    std::fprintf(stderr, "soak: the bot did not start; see %s\n", (dir / "bot.log").c_str());
    ::kill(bot_pid, SIGKILL);
    return 2;
  }
  soak::samples samples(bot_pid);
  drive(io, port, o, t, samples);
  // Every committed reply should reach the bridge; wait for the outbox to drain, bounded.
  const std::string db_path = (dir / "bot.sqlite3").string();
  const auto drain_end = clock_type::now() + std::chrono::seconds(60);
  while (clock_type::now() < drain_end &&
         static_cast<std::int64_t>(t.delivered.size()) < committed_replies(db_path))
    io.run_for(std::chrono::milliseconds(200));
  samples.take();  // after the drain
  const std::int64_t expected = committed_replies(db_path);
  ::kill(bot_pid, SIGTERM);
  int wait_status = 0;
  ::waitpid(bot_pid, &wait_status, 0);
  const bool ok = report(o, t, expected, samples);
  std::printf("  the bot %s\n", WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0
                                    ? "stopped cleanly on SIGTERM"
                                    : "did not exit cleanly");
  std::filesystem::remove_all(dir);
  return ok ? 0 : 1;
}
