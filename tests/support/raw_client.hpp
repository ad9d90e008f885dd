// A bare TCP client for tests that need what an HTTP client library will not do: connect and send
// nothing, send headers and hold the body back, or send a request in pieces. Reads without
// waiting, so the test's event loop keeps running the server.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <string>
#include <string_view>

namespace testing {

class raw_client {
 public:
  explicit raw_client(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~raw_client() {
    if (fd_ >= 0) ::close(fd_);
  }
  raw_client(const raw_client&) = delete;
  raw_client& operator=(const raw_client&) = delete;

  bool connected() const { return connected_; }
  void send(std::string_view s) { ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL); }

  // Takes what arrived so far; true once the server closed the connection.
  bool closed() {
    char buf[4096];
    for (;;) {
      ssize_t n = ::recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
      if (n > 0) {
        received_.append(buf, static_cast<std::size_t>(n));
        continue;
      }
      if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) closed_ = true;
      return closed_;
    }
  }
  const std::string& received() {
    closed();
    return received_;
  }
  // The status of the last response received, 0 before one arrived.
  int status() {
    const std::string& r = received();
    auto at = r.rfind("HTTP/1.1 ");
    return at == std::string::npos || r.size() < at + 12 ? 0 : std::stoi(r.substr(at + 9, 3));
  }

 private:
  int fd_;
  bool connected_ = false;
  bool closed_ = false;
  std::string received_;
};

}  // namespace testing
