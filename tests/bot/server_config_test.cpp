// The [server] keys that bound floods: defaults, the example file, and the mistakes refused.
#include <catch2/catch.hpp>

#include "bot/config.hpp"

TEST_CASE("server config: max_connections and max_buffered_bytes", "[config][hardening]") {
  auto d = bot::config::defaults();
  CHECK(d.server.max_connections == 512);
  CHECK(d.server.max_buffered_bytes == 32u << 20);
  auto example = bot::config::load_file(std::string(ESTATEBOT_SOURCE_DIR) + "/config.example.toml");
  CHECK(example.server.max_connections == d.server.max_connections);
  CHECK(example.server.max_buffered_bytes == d.server.max_buffered_bytes);

  auto c = bot::config::parse("[server]\nmax_connections = 64\nmax_buffered_bytes = 4194304\n", "t");
  CHECK(c.server.max_connections == 64);
  CHECK(c.server.max_buffered_bytes == 4u << 20);

  CHECK_THROWS_WITH(bot::config::parse("[server]\nmax_connections = 0\n", "t"),
                    Catch::Contains("server.max_connections"));
  CHECK_THROWS_WITH(bot::config::parse("[server]\nmax_body_bytes = 2048\nmax_buffered_bytes = 1024\n", "t"),
                    Catch::Contains("server.max_buffered_bytes: must be at least server.max_body_bytes"));
}
