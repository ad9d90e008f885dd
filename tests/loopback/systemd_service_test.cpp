// The binary as systemd runs it (Type=notify): READY=1 once it listens, WATCHDOG=1 while its event
// loop turns, STOPPING=1 on SIGTERM; log lines for the journal carry a priority and no timestamp;
// SIGHUP checks the config again without stopping the service.
#include <fmt/format.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace {

// The service manager's side of NOTIFY_SOCKET.
class notify_socket {
 public:
  explicit notify_socket(const std::string& path) : path_(path) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd_ >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    REQUIRE(path.size() < sizeof(addr.sun_path));
    std::memcpy(addr.sun_path, path.c_str(), path.size());
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0);
  }
  ~notify_socket() { ::close(fd_); }
  // The next datagram, or nullopt when none came within `timeout_ms`.
  std::optional<std::string> next(int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) != 1) return std::nullopt;
    char buf[512];
    const auto n = ::recv(fd_, buf, sizeof(buf), 0);
    if (n < 0) return std::nullopt;
    return std::string(buf, static_cast<std::size_t>(n));
  }
  // Reads datagrams until one starts with `prefix`.
  std::optional<std::string> wait_for(const std::string& prefix, int timeout_ms = 10000) {
    while (auto m = next(timeout_ms))
      if (m->rfind(prefix, 0) == 0) return m;
    return std::nullopt;
  }

 private:
  std::string path_;
  int fd_ = -1;
};

// Environment set for the children started while it lives.
struct scoped_env {
  scoped_env(const char* name, const std::string& value) : name(name) { ::setenv(name, value.c_str(), 1); }
  ~scoped_env() { ::unsetenv(name); }
  const char* name;
};

std::string quiet_config(const testing::temp_dir& dir) {
  return "[server]\nport = 0\n[storage]\npath = \"" + dir.file("bot.sqlite3") +
         "\"\n[adapters.console]\nenabled = false\n";
}

bool log_has(const std::string& path, const std::string& text) {
  return testing::read_file(path).find(text) != std::string::npos;
}

// Polls the child's log for `text` (up to 10 s), not waiting for luck.
bool wait_for_log(const std::string& path, const std::string& text) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!log_has(path, text) && std::chrono::steady_clock::now() < end)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return log_has(path, text);
}

// The binary on quiet_config, with `env` set for it alone; its output in `log`.
void start_bot(std::optional<testing::child_process>& child, const testing::temp_dir& dir,
               const std::vector<std::pair<const char*, std::string>>& env, const std::string& log) {
  std::vector<std::unique_ptr<scoped_env>> set;
  for (const auto& [name, value] : env) set.push_back(std::make_unique<scoped_env>(name, value));
  child.emplace(std::vector<std::string>{ESTATEBOT_BINARY, "--config", dir.file("config.toml")}, log);
}

}  // namespace

TEST_CASE("under systemd the service says READY once it listens, feeds the watchdog and says STOPPING",
          "[process][systemd]") {
  testing::temp_dir dir;
  testing::write_file(dir.file("config.toml"), quiet_config(dir));
  notify_socket systemd(dir.file("notify"));
  std::optional<testing::child_process> child;
  start_bot(child, dir,
            {{"NOTIFY_SOCKET", dir.file("notify")}, {"WATCHDOG_USEC", "200000"}},  // fed every 0.1 s
            dir.file("log.txt"));
  auto ready = systemd.wait_for("READY=1");
  REQUIRE(ready);
  // By then the server listens: its log says where.
  CHECK(log_has(dir.file("log.txt"), "listening on 127.0.0.1:"));
  int fed = 0;
  for (int i = 0; i < 3; ++i) fed += systemd.wait_for("WATCHDOG=1", 1000) ? 1 : 0;
  CHECK(fed == 3);

  child->signal(SIGTERM);
  CHECK(systemd.wait_for("STOPPING=1"));
  CHECK(child->wait(std::chrono::seconds(10)) == 0);
}

TEST_CASE("a watchdog meant for another process of the service is not fed from this one",
          "[process][systemd]") {
  testing::temp_dir dir;
  testing::write_file(dir.file("config.toml"), quiet_config(dir));
  notify_socket systemd(dir.file("notify"));
  std::optional<testing::child_process> child;
  // systemd watches another process of the service.
  start_bot(child, dir,
            {{"NOTIFY_SOCKET", dir.file("notify")}, {"WATCHDOG_USEC", "200000"}, {"WATCHDOG_PID", "1"}},
            dir.file("log.txt"));
  REQUIRE(systemd.wait_for("READY=1"));
  CHECK_FALSE(systemd.wait_for("WATCHDOG=1", 500));
  child->signal(SIGTERM);
  CHECK(child->wait(std::chrono::seconds(10)) == 0);
}

TEST_CASE("logs written to the journal carry a syslog priority and no timestamp of their own",
          "[process][systemd]") {
  testing::temp_dir dir;
  testing::write_file(dir.file("config.toml"), quiet_config(dir));
  const auto log = dir.file("log.txt");
  testing::write_file(log, "");
  struct stat st {};
  REQUIRE(::stat(log.c_str(), &st) == 0);
  std::optional<testing::child_process> child;
  start_bot(child, dir, {{"JOURNAL_STREAM", fmt::format("{}:{}", st.st_dev, st.st_ino)}}, log);
  wait_for_log(log, "listening on");
  child->signal(SIGTERM);
  REQUIRE(child->wait(std::chrono::seconds(10)) == 0);
  const std::string text = testing::read_file(log);
  INFO(text);
  CHECK(std::regex_search(text, std::regex(R"((^|\n)<6>\[http\] listening on 127\.0\.0\.1:\d+)")));
  CHECK_FALSE(std::regex_search(text, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d)")));

  // Anywhere else (a terminal, a file) lines keep their timestamps.
  std::optional<testing::child_process> plain;
  start_bot(plain, dir, {}, dir.file("plain.txt"));
  wait_for_log(dir.file("plain.txt"), "listening on");
  plain->signal(SIGTERM);
  REQUIRE(plain->wait(std::chrono::seconds(10)) == 0);
  CHECK(std::regex_search(testing::read_file(dir.file("plain.txt")),
                          std::regex(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info +\[)")));
}

TEST_CASE("SIGHUP checks the config file again and keeps the service running", "[process][systemd]") {
  testing::temp_dir dir;
  testing::write_file(dir.file("config.toml"), quiet_config(dir));
  notify_socket systemd(dir.file("notify"));
  std::optional<testing::child_process> child;
  start_bot(child, dir, {{"NOTIFY_SOCKET", dir.file("notify")}}, dir.file("log.txt"));
  REQUIRE(systemd.wait_for("READY=1"));
  child->signal(SIGHUP);
  CHECK(wait_for_log(dir.file("log.txt"), "is valid; restart the service to apply changes"));

  testing::write_file(dir.file("config.toml"), quiet_config(dir) + "[outbox]\nmax_attempts = \"many\"\n");
  child->signal(SIGHUP);
  CHECK(wait_for_log(dir.file("log.txt"), "would not start: outbox.max_attempts"));
  CHECK_FALSE(child->wait(std::chrono::milliseconds(200)));  // still running

  child->signal(SIGTERM);
  CHECK(child->wait(std::chrono::seconds(10)) == 0);
}
