// Outbound HTTP(S) calls for adapters (replies to a bridge, platform APIs). Asynchronous on the
// event loop; TLS verifies the peer against the system's CA store.
// Plain HTTP connections are kept alive and reused per host and port (a OneBot client's API takes
// one call per reply): a few idle ones per host, each for a few seconds, and never one the server
// has closed meanwhile (checked before reuse). HTTPS calls use a connection each.
#pragma once
#include <functional>
#include <memory>

#include "bot/http_types.hpp"

namespace boost::asio {
class io_context;
}

namespace bot {

class http_client {
 public:
  explicit http_client(boost::asio::io_context& io);
  ~http_client();
  http_client(const http_client&) = delete;
  http_client& operator=(const http_client&) = delete;

  // `done` runs on the event loop exactly once.
  void request(http_call call, std::function<void(http_reply)> done);

  struct impl;

 private:
  std::shared_ptr<impl> impl_;
};

}  // namespace bot
