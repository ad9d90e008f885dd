// Broadcast benchmarks (not tests; built on request: cmake --build build --target broadcast_bench).
//   (a) one emergency to 10,000 groups: from the staff message entering the dispatcher to the commit
//       of the emergency and its 10,000 outbox rows, on a SQLite file (WAL, synchronous=NORMAL).
//   (b) from the staff command leaving an HTTP client to the first outbound request of the broadcast
//       reaching a loopback bridge, through the real app (HTTP server, webhook adapter, dispatcher,
//       outbox pump, HTTP client), with the default rate limits.
//   (c) with the rate limits lifted, how fast the pump drains the 10,000 rows to the bridge.
// Usage: broadcast_bench [groups=10000] [runs=5]
#include <boost/asio/io_context.hpp>
#include <utility>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "bot/app.hpp"
#include "bot/clock.hpp"
#include "bot/core.hpp"
#include "bot/crypto.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "bot/log.hpp"
#include "commands/all_commands.hpp"
#include "storage/pg_engine.hpp"
#include "storage/stores.hpp"

namespace {

using steady = std::chrono::steady_clock;
constexpr const char* secret = "bench-secret";

double ms_since(steady::time_point t0) {
  return std::chrono::duration<double, std::milli>(steady::now() - t0).count();
}

// --postgres URL: each run on a fresh schema of that PostgreSQL database instead of an SQLite file.
std::string postgres_url;

// Where a run keeps its database: a file in `dir`, or a new schema.
std::string fresh_target(const std::string& dir) {
  if (postgres_url.empty()) return dir + "/bot.sqlite3";
  const std::string schema = "broadcast_" + std::filesystem::path(dir).filename().string().substr(16);
  storage::database admin(postgres_url);
  admin.exec("CREATE SCHEMA " + schema);
  return storage::url_in_schema(postgres_url, schema);
}

void drop_target(const std::string& target) {
  const auto at = target.find("search_path%3D");
  if (at == std::string::npos) return;
  storage::database admin(postgres_url);
  admin.exec("DROP SCHEMA " + target.substr(at + 14) + " CASCADE");
}

std::string fresh_dir() {
  std::random_device rd;
  auto dir = std::filesystem::temp_directory_path() / ("estatebot-bench-" + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  return dir.string();
}

// Owners' groups an admin registered (绑定小区), as a bridge would have reported them ("wechat" network).
void make_groups(const std::string& db_path, int n) {
  storage::database database(db_path);
  storage::stores db(database);
  storage::transaction txn(database);
  auto community = db.communities.ensure("阳光花园", 0);
  auto admin = db.members.touch({"webhook", "admin", "管理员"}, 0);
  for (int i = 0; i < n; ++i) {
    auto chat =
        db.chats.touch({"webhook", "wechat", bot::chat_kind::group, "g" + std::to_string(i) + "@chatroom"},
                       "业主群" + std::to_string(i), community, 0);
    db.chats.register_to(chat.id, community, std::nullopt, "owners", admin.id, 0);
  }
  txn.commit();
}

bot::config bench_config(const std::string& db_path, const std::string& extra = "") {
  const std::string storage = postgres_url.empty() ? "path = \"" + db_path + "\"\n"
                                                   : "backend = \"postgres\"\nurl = \"" + db_path + "\"\n";
  return bot::config::parse("[storage]\n" + storage +
                            "[roles]\nstaff = [\"webhook:staff\", "
                            "\"webhook:wechat:staff\"]\n[adapters.console]\nenabled = false\n" +
                            extra);
}

bot::message staff_message(const std::string& id, const std::string& text) {
  bot::message m;
  m.id = id;
  m.chat = {"webhook", "wechat", bot::chat_kind::direct, "staff"};
  m.sender = {"webhook", "staff", "客服小陈"};
  m.text = text;
  return m;
}

struct stats {
  double min = 0, median = 0, max = 0;
};
stats summarize(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v.front(), v[v.size() / 2], v.back()};
}

// (a) dispatcher → commit, fresh database per run.
stats enqueue_to_commit(int groups, int runs) {
  std::vector<double> times;
  for (int run = 0; run < runs; ++run) {
    std::string dir = fresh_dir();
    std::string path = fresh_target(dir);
    make_groups(path, groups);
    bot::system_clock clk;
    std::optional<bot::core> kept(std::in_place, bench_config(path), clk, commands::install_all);
    bot::core& core = *kept;
    auto t0 = steady::now();
    core.dispatch.handle(staff_message("e" + std::to_string(run), "紧急 停电 配电箱故障，预计 18:00 恢复"));
    times.push_back(ms_since(t0));
    auto rows = core.db.outbox.by_ref("emergency:1").size();
    if (static_cast<int>(rows) != groups) std::fprintf(stderr, "expected %d rows, found %zu\n", groups, rows);
    kept.reset();
    drop_target(path);
    std::filesystem::remove_all(dir);
  }
  return summarize(times);
}

struct loopback_figures {
  double committed_ms = 0;  // HTTP 200 for the staff command (the commit)
  double first_out_ms = 0;  // first emergency request at the bridge
  double all_out_ms = 0;    // every group's request at the bridge (limits lifted only)
};

// (b) and (c): the real app on loopback with a bridge that answers at once.
loopback_figures through_the_app(int groups, bool lift_limits) {
  std::string dir = fresh_dir();
  std::string path = fresh_target(dir);
  make_groups(path, groups);
  boost::asio::io_context io;
  bot::server_config bridge_cfg;
  bridge_cfg.port = 0;
  bot::http_server bridge(io, bridge_cfg);
  std::optional<steady::time_point> first_out;
  int emergency_requests = 0;
  steady::time_point last_out;
  bridge.route("POST", "/bridge", [&](const bot::http_request& req) {
    if (req.body.find("紧急通知") != std::string::npos && req.body.find("\"group\"") != std::string::npos) {
      if (!first_out) first_out = steady::now();
      ++emergency_requests;
      last_out = steady::now();
    }
    return bot::http_response{200, "application/json", R"({"message_id":"b"})", {}};
  });
  auto bridge_port = bridge.start();
  std::string extra = "[server]\nport = 0\n[adapters.webhook]\nenabled = true\nsecret = \"" +
                      std::string(secret) +
                      "\"\noutbound_url = \"http://127.0.0.1:" + std::to_string(bridge_port) + "/bridge\"\n";
  if (lift_limits)
    extra +=
        "[outbox]\nper_chat_per_second = 1000\nper_chat_burst = 1000\nmax_in_flight = 64\n"
        "[outbox.platforms.webhook]\nper_second = 100000\nburst = 100000\n";
  bot::system_clock clk;
  bot::app service(bench_config(path, extra), io, clk);
  auto port = service.start(false);

  bot::http_client client(io);
  bot::http_call call;
  call.url = "http://127.0.0.1:" + std::to_string(port) + "/webhook/generic";
  call.body = nlohmann::json{{"platform", "wechat"},
                             {"message_id", "bench-1"},
                             {"chat", {{"type", "direct"}, {"id", "staff"}}},
                             {"sender", {{"id", "staff"}, {"name", "客服小陈"}}},
                             {"text", "紧急 停电 配电箱故障，预计 18:00 恢复"}}
                  .dump();
  call.headers = {{"Content-Type", "application/json"},
                  {"X-Signature", "sha256=" + bot::crypto::hmac_sha256_hex(secret, call.body)}};
  std::optional<steady::time_point> committed;
  auto t0 = steady::now();
  client.request(call, [&](bot::http_reply r) {
    committed = steady::now();
    if (r.status != 200) std::fprintf(stderr, "command answered %d: %s\n", r.status, r.body.c_str());
  });
  const int want = lift_limits ? groups : 1;
  auto deadline = steady::now() + std::chrono::minutes(5);
  while ((!committed || emergency_requests < want) && steady::now() < deadline)
    io.run_one_for(std::chrono::milliseconds(50));
  loopback_figures f;
  auto ms = [&](steady::time_point t) { return std::chrono::duration<double, std::milli>(t - t0).count(); };
  if (committed) f.committed_ms = ms(*committed);
  if (first_out) f.first_out_ms = ms(*first_out);
  if (emergency_requests >= want && lift_limits) f.all_out_ms = ms(last_out);
  if (emergency_requests < want)
    std::fprintf(stderr, "only %d of %d requests arrived\n", emergency_requests, want);
  service.stop();
  io.run_for(std::chrono::seconds(5));
  std::filesystem::remove_all(dir);
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() >= 2 && args[args.size() - 2] == "--postgres") {
    postgres_url = args.back();
    args.resize(args.size() - 2);
  }
  const int groups = !args.empty() ? std::atoi(args[0].c_str()) : 10'000;
  const int runs = args.size() > 1 ? std::atoi(args[1].c_str()) : 5;
  if (!postgres_url.empty())
    std::printf("on PostgreSQL (%s), a fresh schema per run\n", postgres_url.c_str());
  bot::log::set_min_level(bot::log::level::error);

  auto a = enqueue_to_commit(groups, runs);
  std::printf(
      "(a) emergency to %d groups, staff message to commit: median %.1f ms (min %.1f, max %.1f, %d runs)\n",
      groups, a.median, a.min, a.max, runs);

  std::vector<double> committed, first;
  for (int i = 0; i < runs; ++i) {
    auto f = through_the_app(groups, false);
    committed.push_back(f.committed_ms);
    first.push_back(f.first_out_ms);
  }
  auto c = summarize(committed), fo = summarize(first);
  std::printf(
      "(b) staff command over HTTP → first emergency request at the bridge (%d groups, default limits): "
      "median %.1f ms (min %.1f, max %.1f); command answered after commit at median %.1f ms\n",
      groups, fo.median, fo.min, fo.max, c.median);

  auto drain = through_the_app(groups, true);
  std::printf(
      "(c) limits lifted: all %d groups' requests at the bridge after %.0f ms (%.0f requests/s after the "
      "commit)\n",
      groups, drain.all_out_ms, groups / ((drain.all_out_ms - drain.committed_ms) / 1000.0));
  return 0;
}
