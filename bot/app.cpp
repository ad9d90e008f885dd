#include "bot/app.hpp"

#include <fmt/format.h>
#include <algorithm>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <utility>

#include "adapters/all_adapters.hpp"
#include "bot/clock.hpp"
#include "bot/core.hpp"
#include "bot/db_listener.hpp"
#include "bot/group_commit.hpp"
#include "bot/health_access.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "bot/log.hpp"
#include "bot/reader_thread.hpp"
#include "bot/stdin_lines.hpp"
#include "bot/wakeup_timer.hpp"
#include "commands/all_commands.hpp"
#include "storage/gauge_store.hpp"
#include "storage/job_store.hpp"
#include "storage/outbox_store.hpp"
#include "web/dashboard.hpp"

namespace bot {

namespace {
constexpr auto shutdown_grace = std::chrono::seconds(3);
constexpr auto shutdown_poll = std::chrono::milliseconds(20);
constexpr int flush_rounds = 16;
constexpr std::string_view priority_names[] = {"emergency", "reply", "notice", "digest"};

std::string_view outcome_name(dispatch_outcome o) {
  switch (o) {
    case dispatch_outcome::processed:
      return "processed";
    case dispatch_outcome::duplicate:
      return "duplicate";
    case dispatch_outcome::ignored:
      return "ignored";
  }
  return "unknown";
}

std::string platform_of(const inbound_event& e) {
  return std::visit(
      [](const auto& v) -> std::string {
        if constexpr (requires { v.chat.platform; })
          return v.chat.platform;
        else
          return "";
      },
      e);
}

constexpr std::int64_t write_probe_interval_ms =
    2'000;  // a reply's later parts queue behind its first in the same chat

void print_line(const std::string& s) {
  std::cout << s << std::endl;
}
}  // namespace

struct app::impl {
  impl(const config& cfg, boost::asio::io_context& io, const clock& clk,
       std::function<void(const std::string&)> print)
      : io(io),
        clk(clk),
        state(cfg, clk, commands::install_all),
        commits(io, state.database, cfg.storage.commit_batch),
        server(io, cfg.server),
        client(io),
        adapters(adapters::make_adapters(
            cfg, {client, print ? std::move(print) : print_line, io, clk,
                  [this](std::int64_t id, const std::string& progress) { keep_progress(id, progress); }})),
        // Other instances on a PostgreSQL database queue rows and jobs this one hears nothing of:
        // both are looked for every poll_ms there.
        outbox_timer(
            io, clk, [this] { return state.outbox.pump(); }, idle_ms(cfg)),
        job_timer(
            io, clk, [this] { return state.jobs.run_due(); }, idle_ms(cfg)),
        shutdown_timer(io) {
    state.outbox.wake = [this] { outbox_timer.poke(); };
    state.outbox.share_commit = [this](const std::function<void()>& record) { commits.run(record); };
    for (auto& a : adapters.enabled) {
      state.outbox.add_channel(*a);
      if (a->vouches_for_roles()) state.dispatch.trust_claimed_roles(std::string(a->platform()));
      a->attach(host());
      register_declared(*a);
    }
    server.route("GET", "/healthz", [this](const http_request& req) { return health(req); });
    server.route("GET", "/metrics", [this](const http_request& req) { return metrics_page(req); });
    server.on_answered([this](double seconds) { state.meter.observe_request(seconds); });
    server.hold_answers_until([this] { return commits.watch(); });
    web::install_dashboard(server, state.svc);
    // Reports read on a connection of their own: the SQLite file (not an in-memory database), or
    // PostgreSQL's read_url (a replica) or url.
    if (state.database.is_postgres())
      listener = std::make_unique<db_listener>(
          io, cfg.storage.url, std::vector<std::string>{storage::outbox_channel, storage::jobs_channel},
          [this](const std::string& channel) {
            if (channel == storage::outbox_channel)
              outbox_timer.poke();
            else
              job_timer.poke();
          },
          cfg.storage.poll_ms);
    const std::string reads_from =
        state.database.is_postgres() ? state.cfg.storage.read_target() : state.database.file();
    if (!reads_from.empty()) {
      reports = std::make_unique<reader_thread>(
          reads_from, state.svc, [this, alive = std::weak_ptr<int>(alive)](std::function<void()> f) {
            boost::asio::post(this->io, [alive, f = std::move(f)] {
              if (!alive.lock()) return;  // the app is gone
              try {
                f();  // writes (a reply) in a transaction of its own; a dashboard page writes nothing
              } catch (const std::exception& e) {
                log::error("reports", "answering a read off the loop failed: {}", e.what());
              }
            });
          });
      state.svc.reports = reports.get();
    }
  }

  // A batch left open (a send settled in the last turn) commits while the outbox timer, the adapters
  // and the server its commit callbacks reach are still there.
  ~impl() {
    state.svc.reports = nullptr;  // the reader thread stops first; nothing may hand it work meanwhile
    commits.commit();
  }

  adapters::adapter_host host() {
    return {server, [this](const inbound_event& e) { deliver(e); }, [this] { outbox_timer.poke(); },
            [this] { flush_outbox(); },
            [this](std::function<void(const std::string&)> on_line, std::function<void()> on_open) {
              read_line = std::move(on_line);
              input_opened = std::move(on_open);
            }};
  }

  // Groups the config declares (post-only robots) serve the community it names, as 绑定小区 would
  // set them; a change in the config moves them at the next start.
  void register_declared(const adapters::adapter& a) {
    for (const auto& g : a.declared_groups()) {
      const std::int64_t now = clk.now_ms();
      storage::transaction tx(state.database);
      const auto row = state.db.chats.touch(g.chat, g.title, state.svc.default_community, now);
      const std::int64_t community = state.db.communities.ensure(g.community, now);
      if (!row.registered || row.community_id != community || row.building != g.building ||
          row.purpose != g.purpose)
        state.db.chats.register_to(row.id, community, g.building, g.purpose, 0, now);
      tx.commit();
    }
  }

  // A failure here only costs idempotence (the next attempt repeats what this one did), never a message.
  void keep_progress(std::int64_t row_id, const std::string& progress) {
    try {
      state.db.outbox.keep_progress(row_id, progress);
    } catch (const std::exception& e) {
      log::error("outbox", "cannot record the progress of #{}: {}", row_id, e.what());
    }
  }

  // Events from every adapter; committed when this returns.
  void deliver(const inbound_event& e) {
    dispatch_outcome outcome = dispatch_outcome::ignored;
    commits.run([&] { outcome = state.dispatch.handle(e); });
    state.meter.count_inbound(platform_of(e), outcome_name(outcome));
    job_timer.poke();
  }

  // Prometheus text; the same rule as /healthz details (loopback, or the health token).
  http_response metrics_page(const http_request& req) {
    if (!sees_health_details(req, state.cfg.server.health_token))
      return {403, "text/plain; charset=utf-8", "metrics are for this machine or the health token\n", {}};
    std::string out = state.meter.render();
    storage::gauge_store gauges(state.database);
    out +=
        "# HELP estatebot_outbox_rows Outbox rows not sent, by state and priority.\n"
        "# TYPE estatebot_outbox_rows gauge\n";
    for (const auto& d : gauges.outbox_unsent()) {
      const auto p = static_cast<std::size_t>(d.priority);
      out +=
          fmt::format("estatebot_outbox_rows{{state=\"{}\",priority=\"{}\"}} {}\n", metric_label(d.state),
                      p < std::size(priority_names) ? priority_names[p] : std::to_string(d.priority), d.rows);
    }
    out += fmt::format(
        "# HELP estatebot_outbox_in_flight Sends handed to a platform and not answered yet.\n"
        "# TYPE estatebot_outbox_in_flight gauge\nestatebot_outbox_in_flight {}\n",
        state.outbox.in_flight());
    out += fmt::format(
        "# HELP estatebot_database_bytes Size of the database file's pages in use.\n"
        "# TYPE estatebot_database_bytes gauge\nestatebot_database_bytes {}\n",
        gauges.database_bytes());
    const std::int64_t now = clk.now_ms();
    const auto due = state.db.jobs.next_due_at();
    const double lag = due && *due < now ? static_cast<double>(now - *due) / 1000.0 : 0.0;
    out += fmt::format(
        "# HELP estatebot_scheduler_lag_seconds How late the most overdue job is.\n"
        "# TYPE estatebot_scheduler_lag_seconds gauge\nestatebot_scheduler_lag_seconds {}\n",
        lag);
    return {200, "text/plain; version=0.0.4; charset=utf-8", out, {}};
  }

  // Sends now what can go now, for channels that answer at once (the console).
  void flush_outbox() {
    commits.commit();
    for (int round = 0; round < flush_rounds; ++round) {
      const std::uint64_t before = state.outbox.settled();
      state.outbox.pump();
      if (state.outbox.settled() == before) break;
    }
  }

  // Whether a commit works now; asked at most once per probe interval, so that a flood of health
  // checks is not a flood of synchronous commits.
  std::string write_problem() {
    const std::int64_t now = clk.now_ms();
    if (probed_at != 0 && now - probed_at < write_probe_interval_ms) return last_write_problem;
    probed_at = now;
    try {
      state.database.probe_write();
      last_write_problem.clear();
    } catch (const std::exception& e) {
      last_write_problem = e.what();
      log::error("health", "the database takes no writes: {}", last_write_problem);
    }
    return last_write_problem;
  }

  http_response health(const http_request& req) {
    nlohmann::json j{{"status", "ok"}, {"version", ESTATEBOT_VERSION}};
    const std::string problem = write_problem();
    // A platform that has been unreachable for a while degrades the service but is no reason to
    // restart estatebot: still 200, unlike a database that takes no writes.
    const auto outages = state.outbox.outages();
    const bool long_outage =
        std::any_of(outages.begin(), outages.end(), [](const outage& o) { return o.reported; });
    if (!problem.empty() || long_outage) j["status"] = "degraded";
    const int status = problem.empty() ? 200 : 503;
    if (!sees_health_details(req, state.cfg.server.health_token))
      return {status, "application/json", j.dump(), {}};
    try {
      j["database"] = {{"path", state.database.describe()},
                       {"schema_version", state.database.schema_version()},
                       {"latest_schema", storage::database::latest_version()},
                       {"journal_mode", state.database.journal_mode()},
                       {"ok", problem.empty()}};
      if (!problem.empty()) j["database"]["error"] = problem;
      j["outbox"] = {{"pending", state.db.outbox.count_in_state("pending")},
                     {"dead", state.db.outbox.count_in_state("dead")},
                     {"in_flight", state.outbox.in_flight()},
                     {"unreachable", nlohmann::json::array()}};
      for (const auto& o : outages)
        j["outbox"]["unreachable"].push_back(
            {{"platform", o.platform},
             {"account", o.account},
             {"since", o.since},
             {"error", o.error},
             {"waiting", state.db.outbox.pending_on_account(o.platform, o.account)}});
    } catch (const std::exception& e) {
      j["status"] = "degraded";
      j["database"] = {{"ok", false}, {"error", e.what()}};
      return {503, "application/json", j.dump(), {}};
    }
    auto& ad = j["adapters"] = nlohmann::json::object();
    for (const auto& name : adapters.disabled) ad[name] = {{"enabled", false}};
    for (const auto& a : adapters.enabled) ad[std::string(a->platform())] = a->health();
    return {status, "application/json", j.dump(), {}};
  }

  void stop() {
    if (stopping) return;
    stopping = true;
    log::info("app", "shutting down");
    commits.commit();
    server.stop();
    listener.reset();
    job_timer.stop();
    deadline = std::chrono::steady_clock::now() + shutdown_grace;
    wait_for_sends();
  }

  // Sends already handed to a platform get a moment to finish; anything still pending stays in
  // the outbox and goes out after the next start.
  void wait_for_sends() {
    state.outbox.pump();
    bool idle = state.outbox.in_flight() == 0 && state.db.outbox.due_heads(clk.now_ms(), 1).empty();
    if (idle || std::chrono::steady_clock::now() >= deadline) {
      outbox_timer.stop();
      io.stop();
      return;
    }
    shutdown_timer.expires_after(shutdown_poll);
    shutdown_timer.async_wait([this](boost::system::error_code ec) {
      if (!ec) wait_for_sends();
    });
  }

  boost::asio::io_context& io;
  const clock& clk;
  core state;
  group_commit commits;
  http_server server;
  http_client client;
  adapters::adapter_set adapters;
  static std::int64_t idle_ms(const config& cfg) {
    return cfg.storage.postgres() ? cfg.storage.poll_ms : 60'000;
  }
  wakeup_timer outbox_timer;
  wakeup_timer job_timer;
  boost::asio::steady_timer shutdown_timer;
  std::function<void(const std::string&)> read_line;  // an adapter that reads standard input
  std::function<void()> input_opened;
  std::unique_ptr<stdin_lines> input;
  bool stopping = false;
  std::chrono::steady_clock::time_point deadline;
  std::int64_t probed_at = 0;  // when write_problem last committed its probe
  std::string last_write_problem;
  std::shared_ptr<int> alive = std::make_shared<int>(0);
  std::unique_ptr<db_listener> listener;   // PostgreSQL: pokes the timers above
  std::unique_ptr<reader_thread> reports;  // last: stopped before what its answers reach
};

app::app(const config& cfg, boost::asio::io_context& io, const clock& clk,
         std::function<void(const std::string&)> print)
    : impl_(std::make_unique<impl>(cfg, io, clk, std::move(print))) {}

app::~app() = default;

core& app::state() {
  return impl_->state;
}

std::uint16_t app::start(bool read_stdin) {
  std::uint16_t port = impl_->server.start();
  impl_->state.cfg.server.port = port;  // "port = 0" asked for any free port: links name the real one
  impl_->outbox_timer.poke();
  impl_->job_timer.poke();
  if (read_stdin && impl_->read_line) {
    impl_->input = std::make_unique<stdin_lines>(
        impl_->io, [this](std::string line) { impl_->read_line(line); }, [this] { stop(); });
    if (impl_->input_opened) impl_->input_opened();
    impl_->input->start();
  }
  return port;
}

void app::stop() {
  impl_->stop();
}

}  // namespace bot
