// Talking to systemd when it started us as a Type=notify service (sd_notify's protocol, written
// here rather than linking libsystemd): READY=1 once the database is open and the server listens,
// WATCHDOG=1 from the event loop, STOPPING=1 on the way out. Outside systemd every call does nothing.
#pragma once
#include <chrono>
#include <string>

namespace bot {

class service_manager {
 public:
  // Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID from the environment.
  service_manager();

  bool supervised() const { return !socket_path_.empty(); }
  // Zero when systemd watches nothing (or watches another process).
  std::chrono::microseconds watchdog_interval() const { return watchdog_; }

  void ready() const { notify("READY=1\nSTATUS=serving"); }
  void watchdog() const { notify("WATCHDOG=1"); }
  void stopping() const { notify("STOPPING=1\nSTATUS=stopping"); }

 private:
  void notify(const std::string& message) const;
  std::string socket_path_;  // '@' first: an abstract socket
  std::chrono::microseconds watchdog_{0};
};

// True when standard error is the journal's stream (JOURNAL_STREAM names its device and inode):
// the journal then adds its own timestamps and reads a "<N>" priority at the start of each line.
bool stderr_is_journal();

}  // namespace bot
