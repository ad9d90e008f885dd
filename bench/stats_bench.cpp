// Statistics on a year of a large community: N tickets (default 1,000,000) spread over the last
// 365 days with realistic kinds, categories, buildings, states, response and fix times and
// ratings, written straight into the SQLite file; then 统计 本月, 统计 今年, 统计 员工 本月 and the
// daily digest timed through the dispatcher, as a manager would ask; and the dashboard's overview page
// for this month and this year, as its handler builds it. 统计 is read off the event loop as the
// service does it (bot/reader_thread): "held" is how long the loop was busy with the message,
// "answered" how long until the reply was queued.
//   cmake --build build --target benchmarks && build/bench/stats_bench [tickets] [repeats]
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>

#include "bench/dispatch_timing.hpp"
#include "bench/history_seed.hpp"
#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/core.hpp"
#include "bot/log.hpp"
#include "bot/reader_thread.hpp"
#include "commands/all_commands.hpp"
#include "storage/stores.hpp"
#include "web/pages.hpp"

namespace {

using bench::ms_since;
using bench::say;
using bench::steady;
using bench::timing;

// The event loop as far as the reader thread sees it: callbacks queued for the main thread.
class loop_queue {
 public:
  void post(std::function<void()> f) {
    std::lock_guard lock(m_);
    q_.push_back(std::move(f));
    cv_.notify_one();
  }
  void run_one() {
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return !q_.empty(); });
    auto f = std::move(q_.front());
    q_.pop_front();
    lock.unlock();
    f();
  }

 private:
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> q_;
};

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::stoi(argv[1]) : 1'000'000;
  const int repeats = argc > 2 ? std::stoi(argv[2]) : 5;
  bot::log::set_min_level(bot::log::level::error);
  const auto dir = std::filesystem::temp_directory_path() / "estatebot-stats-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto cfg =
      bot::config::parse("[storage]\npath = \"" + (dir / "bench.sqlite3").string() +
                         "\"\n[roles]\nmanagers = [\"console:经理\"]\nadmins = [\"console:管理员\"]\n");
  bot::manual_clock clock(1'765'000'000'000);  // 2025-12-06
  bot::core core(cfg, clock, commands::install_all);
  core.dispatch.handle(say("管理员", "经理群", "绑定小区 阳光花园 经理群", clock.now_ms()));
  for (int s = 0; s < 30; ++s)  // the staff the tickets are assigned to
    core.dispatch.handle(say("师傅" + std::to_string(s), "经理群", "大家好", clock.now_ms()));

  auto t = steady::now();
  bench::seed_history(core.db.database, n, 0, clock.now_ms());
  std::printf("estatebot statistics, %d tickets over a year, seeded in %.0f ms (SQLite file in %s)\n", n,
              ms_since(t), dir.c_str());

  web::viewer manager;
  manager.member_id = core.db.members.touch({"console", "经理", "经理"}, clock.now_ms()).id;
  manager.community_id = 1;
  manager.level = bot::role::manager;
  const auto overview = [&](const char* period) {
    bot::http_request req;
    req.query = std::string("p=") + period;
    auto s = steady::now();
    const auto page = web::overview_page(core.svc, manager, req);
    if (page.status != 200) std::fprintf(stderr, "overview %s: %d\n", period, page.status);
    return ms_since(s);
  };

  loop_queue loop;
  bot::reader_thread reader(core.database.file(), core.svc, [&](std::function<void()> f) { loop.post(f); });
  core.svc.reports = &reader;
  struct off_loop_timing {
    timing held, answered;
  };
  const auto ask = [&](const char* text, off_loop_timing& t) {
    auto s = steady::now();
    core.dispatch.handle(say("经理", "", text, clock.now_ms()));
    t.held.ms.push_back(ms_since(s));
    loop.run_one();
    t.answered.ms.push_back(ms_since(s));
  };

  off_loop_timing month, year, staff;
  timing digest, overview_month, overview_year;
  for (int r = 0; r < repeats; ++r) {
    ask("统计 本月", month);
    ask("统计 今年", year);
    ask("统计 员工 本月", staff);
    overview_month.ms.push_back(overview("本月"));
    overview_year.ms.push_back(overview("今年"));
    clock.advance_ms(24LL * 3'600'000);
    digest.ms.push_back([&] {
      auto s = steady::now();
      core.jobs.run_due();
      return ms_since(s);
    }());
  }
  month.held.report("统计 本月: loop held");
  month.answered.report("统计 本月: answered");
  year.held.report("统计 今年: loop held");
  year.answered.report("统计 今年: answered");
  staff.held.report("统计 员工 本月: loop held");
  staff.answered.report("统计 员工 本月: answered");
  digest.report("daily digest (one community)");
  overview_month.report("dashboard overview 本月");
  overview_year.report("dashboard overview 今年");
  if (!std::getenv("ESTATEBOT_BENCH_KEEP")) std::filesystem::remove_all(dir);
  return 0;
}
