// The server's open connections, counted against [server] max_connections so a flood of them
// cannot use up the process's descriptors. A connection waiting for the first byte of a request
// (new, or kept alive after one) is idle: when the table is full, the one idle the longest makes
// room for a newcomer; with none idle, the newcomer is refused. Pure bookkeeping: the server
// closes what the table names.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>

namespace bot {

class connection_table {
 public:
  explicit connection_table(std::size_t max_connections) : max_(max_connections) {}

  struct admission {
    bool admitted = false;
    std::optional<std::uint64_t> evict;  // close this idle connection to make room
  };
  // A new connection arrived: whether it may stay, and which idle one to close for it. An admitted
  // connection must be added with opened().
  admission admit();
  std::uint64_t opened();  // counted from now on, not idle; returns its id
  void closed(std::uint64_t id);
  void set_idle(std::uint64_t id, bool idle);

  std::size_t open() const { return open_; }  // counted: not yet closed nor being evicted

 private:
  struct entry {
    std::uint64_t idle_since = 0;  // 0: busy; else an order of becoming idle
    bool evicted = false;
  };
  std::size_t max_;
  std::map<std::uint64_t, entry> entries_;
  std::size_t open_ = 0;
  std::uint64_t next_id_ = 0;
  std::uint64_t idle_clock_ = 0;
};

}  // namespace bot
