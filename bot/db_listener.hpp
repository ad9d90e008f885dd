// Wakes this instance when another instance on the same PostgreSQL database queued outbox rows or
// jobs (storage/pg_listener, LISTEN/NOTIFY): `heard(channel)` runs on the event loop. A lost
// connection is opened again after `retry_ms`, and then every channel counts as heard (what came
// meanwhile was missed); until then the instance still polls ([storage] poll_ms).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace bot {

class db_listener {
 public:
  db_listener(boost::asio::io_context& io, std::string url, std::vector<std::string> channels,
              std::function<void(const std::string&)> heard, std::int64_t retry_ms);
  ~db_listener();
  db_listener(const db_listener&) = delete;
  db_listener& operator=(const db_listener&) = delete;

 private:
  struct impl;
  std::shared_ptr<impl> impl_;
};

}  // namespace bot
