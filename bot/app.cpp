#include "bot/app.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <utility>

#include "adapters/all_adapters.hpp"
#include "adapters/console/console_session.hpp"
#include "bot/clock.hpp"
#include "bot/core.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "bot/log.hpp"
#include "bot/stdin_lines.hpp"
#include "bot/wakeup_timer.hpp"

namespace bot {

namespace {
constexpr auto shutdown_grace = std::chrono::seconds(3);
constexpr auto shutdown_poll = std::chrono::milliseconds(20);
}  // namespace

struct app::impl {
  impl(const config& cfg, boost::asio::io_context& io, const clock& clk,
       std::function<void(const std::string&)> print)
      : io(io),
        clk(clk),
        state(cfg, clk),
        server(io, cfg.server),
        client(io),
        console(cfg.console, clk.now_ms()),
        print([this,
               out = print ? std::move(print) : [](const std::string& s) { std::cout << s << std::endl; }](
                  const std::string& s) {
          ++printed;
          out(s);
        }),
        adapters(adapters::make_adapters(
            cfg, {client, this->print, io, clk,
                  [this](std::int64_t id, const std::string& progress) { keep_progress(id, progress); }})),
        outbox_timer(io, clk, [this] { return state.outbox.pump(); }),
        job_timer(io, clk, [this] { return state.jobs.run_due(); }),
        shutdown_timer(io) {
    for (auto& ch : adapters.channels) state.outbox.add_channel(*ch);
    state.dispatch.on_enqueued = [this] { outbox_timer.poke(); };
    state.outbox.on_settled = [this] { outbox_timer.poke(); };
    state.jobs.on_ran = [this] { outbox_timer.poke(); };
    for (auto& a : adapters.http)
      for (const auto& r : a->routes())
        server.route(
            r.method, r.path,
            [this, adapter = a.get()](const http_request& req) {
              auto result = adapter->parse_inbound(req);
              for (const auto& e : result.events) state.dispatch.handle(e);
              job_timer.poke();
              return result.response;
            },
            r.check_headers);
    for (auto& s : adapters.services)
      s->attach({server, [this](const inbound_event& e) { deliver(e); }, [this] { outbox_timer.poke(); }});
    server.route("GET", "/healthz", [this](const http_request&) { return health(); });
  }

  // A failure here only costs idempotence (the next attempt repeats what this one did), never a message.
  void keep_progress(std::int64_t row_id, const std::string& progress) {
    try {
      state.db.outbox.keep_progress(row_id, progress);
    } catch (const std::exception& e) {
      log::error("outbox", "cannot record the progress of #{}: {}", row_id, e.what());
    }
  }

  // Events from adapters that hold their own connections (reverse WebSockets).
  void deliver(const inbound_event& e) {
    state.dispatch.handle(e);
    job_timer.poke();
  }

  http_response health() {
    nlohmann::json j{{"status", "ok"}, {"version", ESTATEBOT_VERSION}};
    try {
      j["database"] = {{"path", state.database.path()},
                       {"schema_version", state.database.schema_version()},
                       {"latest_schema", storage::database::latest_version()},
                       {"journal_mode", state.database.journal_mode()},
                       {"ok", true}};
      j["outbox"] = {{"pending", state.db.outbox.count_in_state("pending")},
                     {"dead", state.db.outbox.count_in_state("dead")},
                     {"in_flight", state.outbox.in_flight()}};
    } catch (const std::exception& e) {
      j["status"] = "degraded";
      j["database"] = {{"ok", false}, {"error", e.what()}};
      return {503, "application/json", j.dump(), {}};
    }
    auto& ad = j["adapters"] = nlohmann::json::object();
    ad["console"] = {{"enabled", state.cfg.console.enabled}};
    ad["webhook"] = {{"enabled", state.cfg.webhook.enabled}};
    for (const auto& s : adapters.services) ad[std::string(s->name())] = s->health();
    return {200, "application/json", j.dump(), {}};
  }

  void on_console_line(const std::string& line) {
    auto r = console.read_line(line, clk.now_ms());
    if (auto* m = std::get_if<message>(&r)) {
      try {
        state.dispatch.handle(*m);
      } catch (const std::exception& e) {
        log::error("console", "message not processed: {}", e.what());
      }
      // The console prints synchronously: answer this line before reading the next one, so a
      // pasted script reads like a conversation.
      for (int round = 0; round < 16; ++round) {
        std::size_t before = printed;
        state.outbox.pump();
        if (printed == before) break;
      }
      job_timer.poke();
    } else if (auto* meta = std::get_if<adapters::console::meta_reply>(&r)) {
      print(meta->text);
    }
  }

  void stop() {
    if (stopping) return;
    stopping = true;
    log::info("app", "shutting down");
    server.stop();
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
  http_server server;
  http_client client;
  adapters::console::console_session console;
  std::function<void(const std::string&)> print;
  adapters::adapter_set adapters;
  wakeup_timer outbox_timer;
  wakeup_timer job_timer;
  boost::asio::steady_timer shutdown_timer;
  std::unique_ptr<stdin_lines> input;
  bool stopping = false;
  std::size_t printed = 0;
  std::chrono::steady_clock::time_point deadline;
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
  impl_->outbox_timer.poke();
  impl_->job_timer.poke();
  if (read_stdin && impl_->state.cfg.console.enabled) {
    impl_->input = std::make_unique<stdin_lines>(
        impl_->io, [this](std::string line) { impl_->on_console_line(line); }, [this] { stop(); });
    impl_->print(impl_->state.svc.t(locale::zh_CN, "console.welcome",
                                    fmt::arg("community", impl_->state.cfg.community.name)));
    impl_->input->start();
  }
  return port;
}

void app::stop() {
  impl_->stop();
}

}  // namespace bot
