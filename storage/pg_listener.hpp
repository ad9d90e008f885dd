// A PostgreSQL connection of its own that LISTENs on channels (storage::outbox_channel,
// storage::jobs_channel): another instance's commit that queued rows or jobs reaches this one at once,
// instead of at its next poll. The event loop waits on socket() and calls take() when it is readable
// (bot/db_listener); no Asio here.
#pragma once
#include <string>
#include <vector>

struct pg_conn;

namespace storage {

class pg_listener {
 public:
  pg_listener(const std::string& url, const std::vector<std::string>& channels);  // throws database_error
  ~pg_listener();
  pg_listener(const pg_listener&) = delete;
  pg_listener& operator=(const pg_listener&) = delete;

  int socket() const;
  // The channels notified since the last call (each once); throws database_error when the
  // connection is lost.
  std::vector<std::string> take();

 private:
  pg_conn* conn_ = nullptr;
};

}  // namespace storage
