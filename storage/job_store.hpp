// Timers as rows: scheduled notices, SLA checks, reminders, clean-ups. The scheduler runs what is
// due; a restart loses none.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/database.hpp"

namespace storage {

// What other instances on a PostgreSQL database hear when a job is scheduled (bot/db_listener).
inline constexpr const char* jobs_channel = "estatebot_jobs";

struct job_row {
  std::int64_t id = 0;
  std::string kind;
  std::string ref;
  std::int64_t due_at = 0;
  std::string payload;  // JSON
};

class job_store {
 public:
  explicit job_store(database& db) : db_(db) {}
  std::int64_t schedule(const std::string& kind, const std::string& ref, std::int64_t due_at,
                        const std::string& payload, std::int64_t now_ms);
  // Schedules `kind` at `due_at` unless one is already pending (for recurring jobs).
  void ensure(const std::string& kind, const std::string& ref, std::int64_t due_at, std::int64_t now_ms);
  std::vector<job_row> due(std::int64_t now_ms, int limit);
  std::optional<std::int64_t> next_due_at();
  void done(std::int64_t id, std::int64_t now_ms);
  void postpone(std::int64_t id, std::int64_t due_at);
  // Whether the job is still waiting to run: asked inside the transaction that runs it, where the
  // write lock is held, so that of several instances that read it as due only the first runs it.
  bool still_due(std::int64_t id, std::int64_t now_ms);
  int cancel(const std::string& kind, const std::string& ref, std::int64_t now_ms);  // pending ones
  std::vector<job_row> pending(const std::string& kind, const std::string& ref);
  void set_payload(std::int64_t id, const std::string& payload);  // a pending job gathers more work
  // The job of this kind and ref that ran last, and when (for "at most once per ..." rules).
  std::optional<std::pair<job_row, std::int64_t>> last_done(const std::string& kind, const std::string& ref);

 private:
  database& db_;
};

}  // namespace storage
