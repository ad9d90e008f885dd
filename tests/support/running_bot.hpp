// The real estatebot binary started on `config.toml` in a test's directory, for crash and restart
// tests: it is up once its log names the port it listens on.
#pragma once
#include <catch2/catch.hpp>
#include <cstdint>
#include <regex>
#include <string>

#include "support/loop.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace testing {

struct running_bot {
  running_bot(boost::asio::io_context& io, const temp_dir& dir, const std::string& name)
      : log(dir.file(name + ".log")), child({ESTATEBOT_BINARY, "--config", dir.file("config.toml")}, log) {
    static const std::regex listening(R"(listening on 127\.0\.0\.1:(\d+))");
    std::smatch m;
    REQUIRE(run_until(io, [&] {
      std::string text = read_file(log);
      if (!std::regex_search(text, m, listening)) return false;
      port = static_cast<std::uint16_t>(std::stoi(m[1]));
      return true;
    }));
  }
  std::string log;
  child_process child;
  std::uint16_t port = 0;
};

}  // namespace testing
