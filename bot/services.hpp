// What commands and scheduled jobs may use: the stores, the clock, the texts, the config and the
// command registry. Built once by bot::core.
#pragma once
#include <cstdint>

namespace storage {
struct stores;
}

namespace bot {

class clock;
class off_loop;
class outbox_pump;
class texts;
class registry;
struct config;

struct services {
  storage::stores& db;
  const clock& clk;
  const texts& t;
  const config& cfg;
  const registry& commands;
  std::int64_t default_community = 0;
  outbox_pump* outbox = nullptr;  // what the platforms can do (recall, @all); set by bot::core
  off_loop* reports = nullptr;    // long reads (bot/off_loop.hpp); set by bot::app for database files
};

}  // namespace bot
