// Runs due jobs (rows of the jobs table) by kind, each in its own transaction, on the injected
// clock. Handlers may write domain rows, queue outbox rows and schedule further jobs.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "storage/job_store.hpp"

namespace storage {
struct stores;
}

namespace bot {

class clock;

class scheduler {
 public:
  using job_handler = std::function<void(const storage::job_row&)>;
  static constexpr std::int64_t retry_after_error_ms = 60'000;

  scheduler(storage::stores& db, const clock& clk) : db_(db), clk_(clk) {}
  void on(const std::string& kind, job_handler h);  // throws on a second handler for a kind
  // Runs everything due now; returns the next due time, if any job is pending.
  std::optional<std::int64_t> run_due();

 private:
  storage::stores& db_;
  const clock& clk_;
  std::map<std::string, job_handler, std::less<>> handlers_;
};

}  // namespace bot
