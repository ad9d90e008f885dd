// The config of a fake platform server in tests: 127.0.0.1, a port the kernel picks.
#pragma once
#include "bot/config.hpp"

namespace testing {

inline bot::server_config loopback_server() {
  bot::server_config c;
  c.port = 0;
  return c;
}

}  // namespace testing
