// The I/O-free heart of estatebot: database and stores, the command registry, the dispatcher, the
// outbox pump and the scheduler, wired for one config and one clock. It names no feature: the
// features are handed in as one function that registers them through bot::feature_host
// (commands::install_all in the service). bot::app adds sockets and timers around it; the test
// bot adds a capturing channel.
#pragma once
#include <functional>
#include <memory>
#include <vector>

#include "bot/config.hpp"
#include "bot/dispatcher.hpp"
#include "bot/feature_host.hpp"
#include "bot/metrics.hpp"
#include "bot/outbox_pump.hpp"
#include "bot/registry.hpp"
#include "bot/scheduler.hpp"
#include "bot/services.hpp"
#include "storage/database.hpp"
#include "storage/stores.hpp"

namespace bot {

class clock;

using feature_installer = std::function<void(feature_host&)>;

class core {
 public:
  // Registers the features before the first message; throws std::logic_error on a duplicate
  // command name or job kind.
  core(const config& cfg, const clock& clk, const feature_installer& features);

  config cfg;
  const clock& clk;
  storage::database database;
  storage::stores db;
  registry commands;
  services svc;
  dispatcher dispatch;
  outbox_pump outbox;
  scheduler jobs;
  metrics meter;  // commands and sends counted here; bot::app adds inbound events and HTTP

 private:
  void install_builtin_jobs(feature_host& host);

  std::vector<dead_letter_hook> dead_letters_;
  std::vector<outage_hook> outages_;
};

}  // namespace bot
