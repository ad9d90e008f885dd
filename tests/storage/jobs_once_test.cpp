// Two instances on one PostgreSQL database read the same due jobs; each job still runs once. The
// second instance reads the list while the first is inside its first job, then waits for the write
// lock; every job it then finds done is passed by. Needs PostgreSQL ("[pg-only]", scripts/test-postgres).
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

#include "bot/clock.hpp"
#include "bot/scheduler.hpp"
#include "storage/stores.hpp"
#include "support/scratch_db.hpp"

namespace jobs_once_test {

// Whether a connection waits for the writers' advisory lock, as seen from `watch`.
bool someone_waits_for_the_write_lock(storage::database& watch) {
  return testing::sql_int(watch,
                          "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") > 0;
}

TEST_CASE("of two instances that read the same due jobs, each job runs once", "[.][pg-only][jobs]") {
  REQUIRE(testing::on_postgres());
  const std::string url = testing::scratch_database();
  storage::database first_db(url), second_db(url), watch(url);
  storage::stores first_stores(first_db), second_stores(second_db);
  bot::manual_clock clk;
  constexpr int jobs = 20;
  for (int i = 0; i < jobs; ++i)
    first_stores.jobs.schedule("count", std::to_string(i), clk.now_ms(), "{}", 0);

  std::mutex m;
  std::map<std::string, int> runs;
  std::atomic<bool> first_inside{false};
  bool second_waited = false;
  bot::scheduler first(first_stores, clk), second(second_stores, clk);
  first.on("count", [&](const storage::job_row& j) {
    if (!first_inside.exchange(true)) {
      // Hold the first job until the second instance, with its list read, waits for the lock.
      const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
      while (!someone_waits_for_the_write_lock(watch) && std::chrono::steady_clock::now() < until)
        std::this_thread::yield();
      second_waited = someone_waits_for_the_write_lock(watch);
    }
    std::lock_guard<std::mutex> g(m);
    ++runs[j.ref];
  });
  second.on("count", [&](const storage::job_row& j) {
    std::lock_guard<std::mutex> g(m);
    ++runs[j.ref];
  });
  std::thread a([&] { first.run_due(); });
  while (!first_inside) std::this_thread::yield();
  std::thread b([&] { second.run_due(); });
  a.join();
  b.join();

  CHECK(second_waited);
  CHECK(runs.size() == jobs);
  for (const auto& [ref, n] : runs) {
    INFO("job " << ref);
    CHECK(n == 1);
  }
  CHECK(testing::sql_int(watch, "SELECT count(*) FROM jobs WHERE kind = 'count' AND done_at IS NULL") == 0);
}

}  // namespace jobs_once_test
