#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "bot/log.hpp"

int main(int argc, char* argv[]) {
  // Tests assert on behaviour, not on log lines; keep the output for failures readable.
  bot::log::set_min_level(bot::log::level::error);
  return Catch::Session().run(argc, argv);
}
