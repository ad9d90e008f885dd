// Peak memory of a real estatebot under a flood of request bodies nobody has authenticated yet
// (issue 10, item 3): C connections to the generic webhook on loopback, each declaring a body of
// max_body_bytes - 1 bytes (1 MiB - 1) and sending it slowly over S seconds. The bot runs as a
// child process with a fresh database; its peak RSS (VmHWM in /proc/PID/status) is the figure.
// /healthz is asked once a second meanwhile. Bounded: loopback only, C connections, S seconds,
// then the child is stopped.
//   preauth_flood [--connections C] [--seconds S] [--unsigned] [--binary PATH]
// With --unsigned the requests carry no X-Signature (refused from the headers); by default they
// carry a wrong one, so each body would have to be read before the signature could fail.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;

struct options {
  int connections = 400;
  int seconds = 15;
  bool signed_ = true;
  std::string binary = ESTATEBOT_BINARY;
};

std::uint16_t free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

int connect_to(std::uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  ::fcntl(fd, F_SETFL, O_NONBLOCK);
  return fd;
}

long status_kb(pid_t pid, const std::string& key) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key + ":", 0) == 0) return std::atol(line.c_str() + key.size() + 1);
  return -1;
}

// GET /healthz on a fresh connection; milliseconds to the status line, or -1 after 2 s.
long healthz_ms(std::uint16_t port) {
  auto start = clock_type::now();
  int fd = connect_to(port);
  if (fd < 0) return -1;
  std::string req = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  ::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
  pollfd p{fd, POLLIN, 0};
  long ms = -1;
  if (::poll(&p, 1, 2000) == 1) {
    char buf[64];
    if (::recv(fd, buf, sizeof buf, 0) > 12 && std::string(buf, 12).find(" 200") != std::string::npos)
      ms = std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - start).count();
  }
  ::close(fd);
  return ms;
}

struct flood_conn {
  int fd = -1;
  std::size_t sent = 0;
  std::string answer;
  bool done = false;
};

options parse(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--connections" && i + 1 < argc)
      o.connections = std::atoi(argv[++i]);
    else if (a == "--seconds" && i + 1 < argc)
      o.seconds = std::atoi(argv[++i]);
    else if (a == "--binary" && i + 1 < argc)
      o.binary = argv[++i];
    else if (a == "--unsigned")
      o.signed_ = false;
  }
  if (o.connections < 1 || o.connections > 2000 || o.seconds < 1 || o.seconds > 120) {
    std::fprintf(stderr, "preauth_flood: 1..2000 connections, 1..120 seconds\n");
    std::exit(2);
  }
  return o;
}

pid_t start_bot(const options& o, const std::filesystem::path& dir, std::uint16_t port) {
  std::ofstream(dir / "config.toml") << "[server]\nport = " << port << "\n[storage]\npath = \""
                                     << (dir / "bot.sqlite3").string()
                                     << "\"\n[adapters.console]\nenabled = false\n[adapters.webhook]\n"
                                        "enabled = true\nsecret = \"flood-secret\"\n"
                                        "outbound_url = \"http://127.0.0.1:9/bridge\"\n";
  pid_t pid = ::fork();
  if (pid == 0) {
    std::FILE* log = std::fopen((dir / "bot.log").c_str(), "w");
    ::dup2(fileno(log), 1);
    ::dup2(fileno(log), 2);
    ::execl(o.binary.c_str(), o.binary.c_str(), "--config", (dir / "config.toml").c_str(), nullptr);
    ::_exit(127);
  }
  for (int i = 0; i < 100 && healthz_ms(port) < 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  return pid;
}

}  // namespace

int main(int argc, char** argv) {
  const options o = parse(argc, argv);
  auto dir = std::filesystem::temp_directory_path() / ("preauth_flood_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::uint16_t port = free_port();
  const pid_t bot = start_bot(o, dir, port);
  const long rss_start = status_kb(bot, "VmRSS");
  constexpr std::size_t body = (1u << 20) - 1;
  const std::string head = std::string(
                               "POST /webhook/generic HTTP/1.1\r\nHost: x\r\nContent-Type: "
                               "application/json\r\nContent-Length: ") +
                           std::to_string(body) + "\r\n" +
                           (o.signed_ ? "X-Signature: sha256=" + std::string(64, '0') + "\r\n" : "") + "\r\n";
  std::vector<flood_conn> conns(static_cast<std::size_t>(o.connections));
  for (auto& c : conns) {
    c.fd = connect_to(port);
    if (c.fd >= 0) ::send(c.fd, head.data(), head.size(), MSG_NOSIGNAL);
  }
  const std::string chunk(64 * 1024, 'x');
  const auto start = clock_type::now(), end = start + std::chrono::seconds(o.seconds);
  auto next_health = start;
  long hwm = 0, worst_health = 0, health_fail = 0;
  // Each connection's body goes out evenly over the run: a little every 50 ms.
  for (auto now = start; now < end; now = clock_type::now()) {
    double progress = std::chrono::duration<double>(now - start) / std::chrono::seconds(o.seconds);
    auto due = static_cast<std::size_t>(progress * static_cast<double>(body));
    for (auto& c : conns) {
      if (c.fd < 0 || c.done) continue;
      char buf[512];
      ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
      if (n > 0) c.answer.append(buf, static_cast<std::size_t>(n));
      if (n == 0) c.done = true;
      while (!c.done && c.sent < due) {
        ssize_t w = ::send(c.fd, chunk.data(), std::min(chunk.size(), due - c.sent), MSG_NOSIGNAL);
        if (w <= 0) break;
        c.sent += static_cast<std::size_t>(w);
      }
    }
    hwm = std::max(hwm, status_kb(bot, "VmHWM"));
    if (now >= next_health) {
      long ms = healthz_ms(port);
      if (ms < 0) ++health_fail;
      worst_health = std::max(worst_health, ms);
      next_health = now + std::chrono::seconds(1);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::map<std::string, int> answers;
  for (auto& c : conns) {
    ++answers[c.fd < 0 ? "not connected" : c.answer.size() >= 12 ? c.answer.substr(9, 3) : "no answer"];
    if (c.fd >= 0) ::close(c.fd);
  }
  hwm = std::max(hwm, status_kb(bot, "VmHWM"));
  ::kill(bot, SIGTERM);
  ::waitpid(bot, nullptr, 0);
  std::printf("preauth_flood: %d connections x %zu bytes over %d s (%s)\n", o.connections, body, o.seconds,
              o.signed_ ? "wrong signature" : "no signature");
  std::printf("  bot RSS at start %.1f MB, peak (VmHWM) %.1f MB\n", static_cast<double>(rss_start) / 1024,
              static_cast<double>(hwm) / 1024);
  std::printf("  /healthz: slowest %ld ms, %ld of %d checks unanswered within 2 s\n", worst_health,
              health_fail, o.seconds);
  std::printf("  answers:");
  for (const auto& [k, n] : answers) std::printf(" %s x%d", k.c_str(), n);
  std::printf("\n");
  std::filesystem::remove_all(dir);
  return 0;
}
