#include "bot/service_manager.hpp"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string_view>

#include "bot/log.hpp"

namespace bot {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

service_manager::service_manager() : socket_path_(env("NOTIFY_SOCKET")) {
  if (socket_path_.empty() || socket_path_.size() >= sizeof(sockaddr_un::sun_path) ||
      (socket_path_.front() != '/' && socket_path_.front() != '@'))
    socket_path_.clear();
  const std::string usec = env("WATCHDOG_USEC");
  const std::string pid = env("WATCHDOG_PID");
  if (!usec.empty() && (pid.empty() || pid == std::to_string(::getpid()))) {
    char* end = nullptr;
    const unsigned long long v = std::strtoull(usec.c_str(), &end, 10);
    if (end && *end == '\0' && v > 0) watchdog_ = std::chrono::microseconds(v);
  }
}

void service_manager::notify(const std::string& message) const {
  if (socket_path_.empty()) return;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, socket_path_.data(), socket_path_.size());
  if (addr.sun_path[0] == '@') addr.sun_path[0] = '\0';
  const auto len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + socket_path_.size());
  const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return;
  if (::sendto(fd, message.data(), message.size(), MSG_NOSIGNAL, reinterpret_cast<const sockaddr*>(&addr),
               len) < 0)
    log::warn("systemd", "cannot notify {}: {}", socket_path_, std::strerror(errno));
  ::close(fd);
}

bool stderr_is_journal() {
  const std::string stream = env("JOURNAL_STREAM");
  const auto colon = stream.find(':');
  if (colon == std::string::npos) return false;
  struct stat st {};
  if (::fstat(2, &st) != 0) return false;
  return stream.substr(0, colon) == std::to_string(st.st_dev) &&
         stream.substr(colon + 1) == std::to_string(st.st_ino);
}

}  // namespace bot
