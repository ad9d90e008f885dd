// The only place that names every adapter: builds the enabled ones from the config.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "adapters/adapter.hpp"
#include "bot/config.hpp"

namespace boost::asio {
class io_context;
}

namespace bot {
class clock;
class http_client;
}  // namespace bot

namespace adapters {

struct adapter_env {
  bot::http_client& http;
  std::function<void(const std::string&)> console_print;
  boost::asio::io_context& io;
  const bot::clock& clk;
  // Where a channel records how far a pending delivery that takes several calls got
  // (storage::outbox_store::keep_progress); it comes back as bot::delivery::progress.
  std::function<void(std::int64_t delivery_id, const std::string& progress)> keep_progress = {};
};

struct adapter_set {
  std::vector<std::unique_ptr<adapter>> enabled;
  std::vector<std::string> disabled;  // platforms shown as {"enabled": false} in /healthz
};

adapter_set make_adapters(const bot::config& cfg, adapter_env env);

}  // namespace adapters
