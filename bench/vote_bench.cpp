// An owners' assembly vote in a community of 5,000 rooms on one SQLite file, single-threaded like
// the service: opening it (the roster snapshot), every owner casting a ballot through the
// dispatcher (commit included), `投票 N` while it runs, changed ballots, and the result at the
// deadline; named and secret ballots. The bar: a cast and `投票 N` each under 5 ms at p99.
//   cmake --build build --target benchmarks && build/bench/vote_bench [rooms] [power|process]
// (power: every commit is on disk before the reply, the default; process: it survives a crash of
// the process, not a power cut — [storage] durability).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "bench/dispatch_timing.hpp"
#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/core.hpp"
#include "bot/log.hpp"
#include "commands/all_commands.hpp"
#include "domain/units/roster_import.hpp"
#include "storage/stores.hpp"

namespace {

using bench::ms_since;
using bench::say;
using bench::steady;
using bench::timing;

// Rooms in 50-room floors of two units per building; every tenth owner holds a second room.
std::string roster(int rooms) {
  std::ostringstream csv;
  csv << "楼栋,单元,房号,面积,业主,电话\n";
  for (int i = 0; i < rooms; ++i) {
    const int owner = i % 10 == 9 ? i - 1 : i;
    csv << 1 + i / 100 << "," << 1 + (i / 50) % 2 << "," << 101 + i % 50 << "," << 60 + (i * 37) % 90
        << ".25,"
        << "业主" << owner << ",1380000" << 1000 + owner % 9000 << "\n";
  }
  return csv.str();
}

void run_vote(bool secret, int rooms, const std::string& durability) {
  bot::log::set_min_level(bot::log::level::error);
  const auto dir = std::filesystem::temp_directory_path() / "estatebot-vote-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto cfg =
      bot::config::parse("[storage]\npath = \"" + (dir / "bench.sqlite3").string() + "\"\ndurability = \"" +
                         durability + "\"\n[suggestions]\nrelay_key = \"" + std::string(64, 'e') +
                         "\"\n[roles]\nmanagers = [\"console:经理\"]\nadmins = [\"console:管理员\"]\n");
  bot::manual_clock clock;
  bot::core core(cfg, clock, commands::install_all);
  auto& db = core.db;
  std::istringstream csv(roster(rooms));
  domain::units::import_roster(db, core.svc.default_community, csv);
  // Each room bound by the owner's account: owner i is "o<i>"; several rooms, one account.
  std::vector<std::string> owners;
  {
    storage::transaction txn(db.database);
    for (const auto& u : db.units.in_community(core.svc.default_community, std::nullopt)) {
      const std::string who = "o" + u.owner_name.substr(std::string("业主").size());
      auto m = db.members.touch({"console", who, who}, clock.now_ms());
      if (db.units.bind(u.id, m.id, "staff", clock.now_ms())) owners.push_back(who);
    }
    txn.commit();
  }
  std::sort(owners.begin(), owners.end());
  owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
  core.dispatch.handle(say("管理员", "大群", "绑定小区 阳光花园", clock.now_ms()));

  auto t = steady::now();
  core.dispatch.handle(say(
      "经理", "", std::string("发起投票 是否更换电梯 截止 2025-12-20 18:00 事项 5") + (secret ? " 匿名" : ""),
      clock.now_ms()));
  std::printf("%s vote, %d rooms, %zu owners, durability %s: opened in %.1f ms\n",
              secret ? "secret" : "named", rooms, owners.size(), durability.c_str(), ms_since(t));

  timing cast, progress, change;
  const char* choices[] = {"同意", "同意", "反对", "弃权"};
  for (std::size_t i = 0; i < owners.size(); ++i) {
    clock.advance_ms(100);
    auto m = say(owners[i], "", std::string("投票 1 ") + choices[i % 4], clock.now_ms());
    t = steady::now();
    core.dispatch.handle(m);
    cast.ms.push_back(ms_since(t));
    if (i % 5 == 0) {
      auto q = say(owners[i], i % 10 == 0 ? "大群" : "", "投票 1", clock.now_ms());
      t = steady::now();
      core.dispatch.handle(q);
      progress.ms.push_back(ms_since(t));
    }
  }
  for (std::size_t i = 0; i < owners.size(); i += 10) {
    auto m = say(owners[i], "", "投票 1 反对", clock.now_ms());
    t = steady::now();
    core.dispatch.handle(m);
    change.ms.push_back(ms_since(t));
  }
  cast.report("cast (投票 1 同意)");
  change.report("changed ballot");
  progress.report("progress (投票 1)");
  clock.set(1'766'224'800'000 + 60'000);
  t = steady::now();
  core.jobs.run_due();
  std::printf("%-34s %.1f ms\n", "close and publish the result", ms_since(t));
}

}  // namespace

int main(int argc, char** argv) {
  const int rooms = argc > 1 ? std::stoi(argv[1]) : 5000;
  const std::string durability = argc > 2 ? argv[2] : "power";
  run_vote(false, rooms, durability);
  run_vote(true, rooms, durability);
}
