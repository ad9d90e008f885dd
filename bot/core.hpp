// The I/O-free heart of estatebot: database and stores, the command registry, the dispatcher, the
// outbox pump and the scheduler, wired for one config and one clock. bot::app adds sockets and
// timers around it; the test bot adds a capturing channel.
#pragma once
#include <memory>

#include "bot/config.hpp"
#include "bot/dispatcher.hpp"
#include "bot/outbox_pump.hpp"
#include "bot/registry.hpp"
#include "bot/scheduler.hpp"
#include "bot/services.hpp"
#include "storage/database.hpp"
#include "storage/stores.hpp"

namespace bot {

class clock;

class core {
 public:
  core(const config& cfg, const clock& clk);

  config cfg;
  const clock& clk;
  storage::database database;
  storage::stores db;
  registry commands;
  services svc;
  dispatcher dispatch;
  outbox_pump outbox;
  scheduler jobs;

 private:
  void install_builtin_jobs();
};

}  // namespace bot
