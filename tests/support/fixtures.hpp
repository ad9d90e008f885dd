// Reads a file from tests/fixtures.
#pragma once
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace testing {

inline std::string fixture(const std::string& name) {
  std::ifstream in(std::string(ESTATEBOT_FIXTURES) + "/" + name, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace testing
