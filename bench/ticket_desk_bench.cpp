// How fast the ticket desk is on one SQLite file (WAL, synchronous=NORMAL), single-threaded like
// the service: reports through the dispatcher, staff taking them, the managers' queries on a full
// table, and the SLA timers when thousands fall due at once. With --history, the database first
// holds a year of T tickets and I inbound message ids (issue 15: cost flat as the data grows).
//   cmake --build build --target benchmarks && build/bench/ticket_desk_bench [tickets] [--history T I]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/dispatch_timing.hpp"
#include "bench/history_seed.hpp"
#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/core.hpp"
#include "bot/log.hpp"
#include "commands/all_commands.hpp"
#include "storage/stores.hpp"

namespace {

using bench::ms_since;
using bench::say;
using bench::steady;
using bench::timing;

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 && argv[1][0] != '-' ? std::stoi(argv[1]) : 5000;
  std::int64_t history_tickets = 0, history_inbound = 0;
  for (int i = 1; i + 2 < argc; ++i)
    if (std::string(argv[i]) == "--history") {
      history_tickets = std::stoll(argv[i + 1]);
      history_inbound = std::stoll(argv[i + 2]);
    }
  bot::log::set_min_level(bot::log::level::error);
  const auto dir = std::filesystem::temp_directory_path() / "estatebot-ticket-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto cfg = bot::config::parse(
      "[storage]\npath = \"" + (dir / "bench.sqlite3").string() +
      "\"\ndurability = \"process\"\n[roles]\nmanagers = [\"console:经理\"]\nstaff = [\"console:李师傅\"]\n"
      "admins = [\"console:管理员\"]\n");
  bot::manual_clock clock;
  bot::core core(cfg, clock, commands::install_all);
  auto run = [&](const bot::message& m) {
    auto t = steady::now();
    core.dispatch.handle(m);
    return ms_since(t);
  };
  run(say("管理员", "维修群", "绑定小区 阳光花园 员工群", clock.now_ms()));
  run(say("管理员", "经理群", "绑定小区 阳光花园 经理群", clock.now_ms()));
  if (history_tickets + history_inbound > 0) {
    auto t = steady::now();
    bench::seed_history(core.db.database, history_tickets, history_inbound, clock.now_ms());
    std::printf("history: %lld tickets and %lld inbound ids seeded in %.0f ms\n",
                static_cast<long long>(history_tickets), static_cast<long long>(history_inbound),
                ms_since(t));
  }
  const std::int64_t first_id = history_tickets + 1;  // this run's tickets follow the history's

  const char* problems[] = {"厨房水管漏水", "楼道灯不亮",   "电梯异响",
                            "门禁卡失灵",   "垃圾没人清理", "插座没电"};
  timing report, take, chatter;
  for (int i = 0; i < n; ++i) {
    clock.advance_ms(1'000);
    std::string room =
        std::to_string(1 + i % 12) + "-" + std::to_string(1 + i % 3) + "-" + std::to_string(101 + i % 30);
    report.ms.push_back(run(say("业主" + std::to_string(i % 800), std::to_string(1 + i % 12) + "栋业主群",
                                "报修 " + room + " " + problems[i % 6], clock.now_ms())));
  }
  for (int i = 0; i < n / 2; ++i)
    take.ms.push_back(
        run(say("李师傅", "维修群", "接单 " + std::to_string(first_id + 2 * i), clock.now_ms())));
  for (int i = 0; i < n; ++i)
    chatter.ms.push_back(
        run(say("邻居" + std::to_string(i % 500), "3栋业主群",
                i % 2 ? "大家晚上好，今天天气不错" : "3栋电梯又坏了，好几天没人修", clock.now_ms())));

  timing list, overdue, stats, one, mine;
  clock.advance_ms(3LL * 24 * 3'600'000);
  const std::int64_t last_id = first_id + n - 1;
  for (int i = 0; i < 200; ++i) {
    list.ms.push_back(run(say("经理", "经理群", "工单列表 待处理 3栋 水电", clock.now_ms())));
    overdue.ms.push_back(run(say("经理", "经理群", "逾期工单", clock.now_ms())));
    stats.ms.push_back(run(say("经理", "经理群", "工单统计 本周", clock.now_ms())));
    // Any ticket, old or new, by number; an owner's own list (each owner reported n / 800).
    const std::int64_t id = 1 + (static_cast<std::int64_t>(i) * 7919) % last_id;
    one.ms.push_back(run(say("经理", "经理群", "工单 " + std::to_string(id), clock.now_ms())));
    mine.ms.push_back(run(say("业主" + std::to_string(i % 800), "", "我的工单", clock.now_ms())));
  }

  auto t = steady::now();
  core.jobs.run_due();  // every ticket's SLA timer is due by now
  double sla_ms = ms_since(t);

  std::printf("estatebot ticket desk, %d tickets, SQLite file in %s\n", n, dir.c_str());
  report.report("报修 (dispatch + commit)");
  take.report("接单");
  chatter.report("group chat (offer check)");
  list.report("工单列表 待处理 3栋 水电");
  overdue.report("逾期工单");
  stats.report("工单统计 本周 (read in place)");
  one.report("工单 N");
  mine.report("我的工单");
  std::printf("%-34s %7d jobs  %9.0f jobs/s  total %.0f ms\n", "SLA timers due at once", n,
              n / (sla_ms / 1000), sla_ms);
  std::filesystem::remove_all(dir);
  return 0;
}
